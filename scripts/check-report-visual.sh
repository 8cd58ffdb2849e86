#!/usr/bin/env bash
# Visual check of the generated reports: Word → PDF with LibreOffice headless → PNG pages with pdftoppm, plus a few
# checks a machine can make (A4 pages, CJK fonts embedded, page numbers "— n —", the title on page 1). LOOK at the
# PNG pages it prints. Usage: scripts/check-report-visual.sh [OUT_DIR] [file.docx …]
# Needs the Debian packages libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-${TMPDIR:-/tmp}/kechuang-report-visual}"
shift || true
mkdir -p "$OUT"
for tool in soffice pdftoppm pdfinfo pdffonts pdftotext; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool：apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk" >&2; exit 2; }
done

if [ "$#" -eq 0 ]; then
  node --import tsx scripts/write-sample-report.ts "$OUT" >/dev/null
  set -- "$OUT/midterm.docx" "$OUT/summary.docx"
fi

# 方正小标宋简体 / 仿宋_GB2312 / 楷体_GB2312 / 黑体 are not free: draw them with Noto CJK of the same kind.
export FONTCONFIG_FILE="$PWD/scripts/report-fonts.conf"
# A private LibreOffice profile: no clash with a desktop session, no first-start dialogs.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT

status=0
for docx in "$@"; do
  name="$(basename "$docx" .docx)"
  soffice -env:UserInstallation="file://$PROFILE" --headless --convert-to pdf --outdir "$OUT" "$docx" >/dev/null 2>&1
  pdf="$OUT/$name.pdf"
  [ -s "$pdf" ] || { echo "✖ $docx: LibreOffice produced no PDF" >&2; status=1; continue; }
  rm -f "$OUT/$name"-*.png
  pdftoppm -r 80 -png "$pdf" "$OUT/$name"
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  size="$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')"
  text="$(pdftotext -layout "$pdf" -)"
  problems=()
  [[ "$size" == 595.* ]] && [[ "$size" == *" x 841."* ]] || problems+=("page size is $size, not A4")
  pdffonts "$pdf" | grep -q 'CJK' || problems+=("no CJK font embedded (fonts-noto-cjk missing?)")
  if [ "$pages" -gt 1 ]; then
    grep -qE '— ?2 ?—' <<<"$text" || problems+=("no page number — 2 —")
  fi
  grep -qE '— ?1 ?—' <<<"$text" || problems+=("no page number — 1 —")
  if [ "${#problems[@]}" -gt 0 ]; then
    status=1
    printf '✖ %s: %s\n' "$name" "${problems[*]}"
  else
    echo "✔ $name: $pages pages A4, CJK fonts embedded, page numbers present"
  fi
  ls "$OUT/$name"-*.png
done
exit "$status"
