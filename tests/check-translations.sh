#!/usr/bin/env bash
# Fails when a user-visible string is missing from the Vietnamese catalogue:
#  1. every source or .ui file with translatable strings is listed in po/POTFILES.in;
#  2. every string extracted from those files is translated in po/vi.po, none fuzzy;
#  3. po/vi.po compiles with msgfmt --check.
set -euo pipefail
top=${1:?usage: check-translations.sh SOURCE_ROOT}
cd "$top"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

listed=$(grep -v '^\s*#' po/POTFILES.in | sed '/^\s*$/d' | sort -u)
used=$(grep -rlE '\b(N_|_|C_)\(\s*"|g_dngettext \(|translatable="yes"' src ui resources 2>/dev/null \
       | grep -E '\.(c|ui|in)$' | sort -u)
unlisted=$(comm -13 <(echo "$listed") <(echo "$used"))
if [ -n "$unlisted" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  echo "$unlisted" | sed 's/^/  /'
  status=1
fi
missing_files=$(for f in $listed; do [ -e "$f" ] || echo "$f"; done)
if [ -n "$missing_files" ]; then
  echo "po/POTFILES.in lists files that do not exist:"
  echo "$missing_files" | sed 's/^/  /'
  status=1
fi

xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from=<(echo "$listed") --output="$work/chamber.pot" 2>"$work/xgettext.log" \
  || { cat "$work/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching po/vi.po "$work/chamber.pot" -o "$work/merged.po"
untranslated=$(msgattrib --untranslated --no-obsolete "$work/merged.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/vi.po | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when anything else matches
if [ "$untranslated" -gt 0 ]; then
  echo "Strings not translated in po/vi.po:"
  msgattrib --untranslated --no-obsolete "$work/merged.po" | grep -A1 '^msgid ' | grep -v '^--' | sed -n '1,160s/^/  /p'
  status=1
fi
if [ "$fuzzy" -gt 0 ]; then
  echo "Fuzzy entries in po/vi.po:"
  msgattrib --only-fuzzy --no-obsolete po/vi.po | grep '^msgid ' | sed 's/^/  /'
  status=1
fi
msgfmt --check --output-file=/dev/null po/vi.po || status=1
total=$(grep -c '^msgid ' "$work/chamber.pot" || true)
echo "checked $((total - 1)) strings from $(echo "$listed" | wc -w) files"
exit $status
