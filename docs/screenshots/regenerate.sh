#!/usr/bin/env bash
# Regenerates the README screenshots from the real app: seeds fresh data folders with demo data
# through the real services (src/test/java/dev/setwise/tools/DemoData.java), opens the app under a
# private Xvfb screen of 1366x768 (a common laptop) and saves what it shows.
#
#   docs/screenshots/regenerate.sh            # from the project folder
#
# Needs ../shared/tools/screenshot.sh (it installs Xvfb, xdotool and ImageMagick when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
shot=${SCREENSHOT_TOOL:-../shared/tools/screenshot.sh}
[[ -x $shot ]] || shot=/work/shared/tools/screenshot.sh
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q package -DskipTests
cp="target/classes:target/test-classes:target/lib/*"

# take NAME SCENARIO KEYS [FILE]: seeds a fresh data folder, opens the app on it and saves NAME.png;
# tries again (up to three times) when a busy machine left the screen black. With FILE the app's
# file dialogs answer FILE (dev.setwise.tools.DemoApp), so the dialog after one can be shown.
take() {
  local name=$1 scenario=$2 keys=$3 file=${4:-}
  local app=(java -jar target/setwise.jar --data-dir "$work/$name")
  [[ -z $file ]] || app=(java -cp "$cp" dev.setwise.tools.DemoApp "$work/$name" "$file")
  for attempt in 1 2 3; do
    rm -rf "${work:?}/$name"
    java -cp "$cp" dev.setwise.tools.DemoData "$work/$name" $scenario
    "$shot" -w $((6 + 3 * attempt)) ${keys:+-k "$keys"} -o "$out/$name.png" -- "${app[@]}"
    if [[ $(convert "$out/$name.png" -format "%[fx:mean]" info:) != 0 ]]; then
      return 0
    fi
    echo "$name.png came out black; trying again" >&2
  done
  return 1
}

take workout in-progress "ctrl+Return shift shift shift shift shift shift"  # in progress: one set done, resting
# (the shift presses only give a busy machine a moment to draw the editor before the shot)
take plan-editor "" "End shift shift shift shift shift shift shift shift"  # "Push A" open in the editor
take history "" "ctrl+3"             # twelve weeks of sessions
take import-summary "" "ctrl+i$(printf ' shift%.0s' {1..24})" src/test/resources/csv/strong.csv  # File → Import… of a Strong CSV (the shifts give the check time)

rm -f "$out"/*.log
echo "screenshots in $out"
