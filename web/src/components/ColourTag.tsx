// 三色督办 colour as a tag, with the reasons in a tooltip so a clerk sees why without opening the item.
import { Tag, Tooltip } from 'antd';
import { COLOUR_META, type Colour } from '../api/tasks.ts';

export function ColourTag({ colour, reasons }: { colour: Colour | null; reasons?: { text: string }[] }) {
  if (colour === null) return <Tag color="green">正常</Tag>;
  const meta = COLOUR_META[colour];
  const tag = (
    <Tag color={meta.tag} data-colour={colour}>
      {meta.label}色
    </Tag>
  );
  return reasons && reasons.length > 0 ? <Tooltip title={reasons.map((r) => r.text).join('；')}>{tag}</Tooltip> : tag;
}
