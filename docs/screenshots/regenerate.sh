#!/usr/bin/env bash
# Regenerates the README screenshots from the real app: seeds fresh data folders with demo data
# through the real services (src/test/java/dev/setwise/tools/DemoData.java), opens the app on a
# private virtual screen (Xvfb) of 1366x768 (a common laptop) or 1024x600 (a small one) and saves
# what it shows, with docs/screenshots/shoot.sh beside this script.
#
#   docs/screenshots/regenerate.sh            # from the project folder
#   ONLY="progress exercise-history" docs/screenshots/regenerate.sh   # just those
#
# Needs Java 17, Maven and, from Debian or Ubuntu packages, xvfb xauth xdotool imagemagick pngquant
# libgtk-3-0 libgl1 libxtst6 fonts-dejavu-core: shoot.sh installs the missing ones with apt-get
# (as root or through sudo), or install them yourself first:
#   sudo apt-get install xvfb xauth xdotool imagemagick pngquant libgtk-3-0 libgl1 libxtst6 fonts-dejavu-core
# On a busy machine give each step longer: SHOT_LIMIT=180 (seconds, default 90).
set -euo pipefail
cd "$(dirname "$0")/../.."
shot=docs/screenshots/shoot.sh
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q package -DskipTests
cp="target/classes:target/test-classes:target/lib/*"

# take NAME SIZE SCENARIO KEYS [FILE]: seeds a fresh data folder, opens the app on it on a screen of
# SIZE, sends KEYS (shoot.sh waits for the screen to settle after each) and saves NAME.png; tries
# again (up to three times) when a busy machine left the screen blank. With FILE the app's file
# dialogs answer FILE (dev.setwise.tools.DemoApp), so the dialog after one can be shown.
take() {
  local name=$1 size=$2 scenario=$3 keys=$4 file=${5:-}
  if [[ -n ${ONLY:-} && " $ONLY " != *" $name "* ]]; then
    return 0
  fi
  local app=(java -jar target/setwise.jar --data-dir "$work/$name")
  [[ -z $file ]] || app=(java -cp "$cp" dev.setwise.tools.DemoApp "$work/$name" "$file")
  for attempt in 1 2 3; do
    rm -rf "${work:?}/$name"
    java -cp "$cp" dev.setwise.tools.DemoData "$work/$name" $scenario
    if "$shot" -s "$size" -t "${SHOT_LIMIT:-90}" ${keys:+-k "$keys"} -o "$out/$name.png" -- "${app[@]}" \
        && [[ $(convert "$out/$name.png" -format "%[fx:standard_deviation]" info:) != 0 ]]; then
      return 0
    fi
    echo "$name.png did not come out; trying again" >&2
  done
  return 1
}

take workout 1366x768 in-progress "ctrl+Return"           # in progress: one more set done, resting
take workout-small 1024x600 in-progress "pause pause pause"              # the same workout on a 1024x600 screen
take plan-editor 1366x768 "" "End pause pause"                      # "Push A" open in the editor
take history 1366x768 "" "ctrl+3"                         # twelve weeks of sessions
take history-small 1024x600 "" "ctrl+3"
take import-summary 1366x768 "" "ctrl+i pause pause" src/test/resources/csv/strong.csv  # File → Import… of a Strong CSV

# the progress side
take progress 1366x768 "" "ctrl+4 pause"                  # the Progress screen
take progress-dark 1366x768 "" "ctrl+shift+d ctrl+4 pause" # the same, dark
take exercise-history 1366x768 "" "ctrl+4 pause shift+b e n c h space p r e s s Return pause"  # Bench press typed in the search field
take record-badge-dark 1366x768 in-progress "ctrl+shift+d" # a set that beat last week's e1RM
take menu-dark-small 1024x600 in-progress "ctrl+shift+d F10 Down"   # a menu in the dark theme

rm -f "$out"/*.log
echo "screenshots in $out"
