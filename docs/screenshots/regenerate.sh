#!/usr/bin/env bash
# Regenerates the README screenshots from the real app: seeds fresh data folders with demo data
# through the real services (src/test/java/dev/setwise/tools/DemoData.java), opens the app under a
# private Xvfb screen of 1366x768 (a common laptop) and saves what it shows.
#
#   docs/screenshots/regenerate.sh            # from the project folder
#   ONLY="progress exercise-history" docs/screenshots/regenerate.sh   # just those
#
# Needs ../shared/tools/screenshot.sh (it installs Xvfb, xdotool and ImageMagick when missing).
# On a busy machine give the app longer to open before the keys: SHOT_WAIT=20 (seconds).
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
  if [[ $# -gt 0 && -n ${ONLY:-} && " $ONLY " != *" $name "* ]]; then
    return 0
  fi
  local app=(java -jar target/setwise.jar --data-dir "$work/$name")
  [[ -z $file ]] || app=(java -cp "$cp" dev.setwise.tools.DemoApp "$work/$name" "$file")
  for attempt in 1 2 3; do
    rm -rf "${work:?}/$name"
    java -cp "$cp" dev.setwise.tools.DemoData "$work/$name" $scenario
    "$shot" -w $((${SHOT_WAIT:-6} + 3 * attempt)) ${keys:+-k "$keys"} -o "$out/$name.png" -- "${app[@]}"
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

# the progress side (the shift presses give a busy machine time to load and draw)
wait="shift shift shift shift shift shift shift shift shift shift shift shift shift shift shift shift"
start="$wait $wait $wait"
take progress "" "$start ctrl+4 $wait"                                  # the Progress screen
take progress-dark "" "$start ctrl+shift+d ctrl+4 $wait"                # the same, dark
take exercise-history "" "$start ctrl+4 $wait Down Return $wait $wait"        # Enter on Bench press's records
take record-badge-dark in-progress "$start ctrl+shift+d $wait"          # a set that beat last week's e1RM

rm -f "$out"/*.log
echo "screenshots in $out"
