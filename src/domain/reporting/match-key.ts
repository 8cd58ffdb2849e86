// The municipal view lines up "the same indicator" across counties' plans, which word it differently:
// 每万人有效发明专利拥有量 / 万人有效发明专利拥有量, 高新技术企业数量 / 高新技术企业, 研发经费占地区生产总值的比重 …
// The key drops what does not change the meaning; it is deliberately conservative (no synonyms).

export function indicatorMatchKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s（）()【】[\]“”"、，,]/g, '')
    .replace(/^每/, '')
    .replace(/的/g, '')
    .replace(/(数量|个数|数)$/, '')
    .toLowerCase();
}
