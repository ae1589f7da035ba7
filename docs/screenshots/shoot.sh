#!/usr/bin/env bash
# Runs a desktop command on a private X screen (Xvfb), waits until its window has drawn, sends
# keys, and saves what the screen shows as a small PNG: how the README screenshots are taken.
#
#   docs/screenshots/shoot.sh [-s WxH] [-o OUT.png] [-k KEYS] [-m X,Y] [-t SECONDS] -- COMMAND [ARG...]
#
#   -s  screen size (default 1366x768, a common laptop)
#   -o  the PNG to write (default screenshot.png); the command's output goes to OUT.log beside it
#   -k  keys sent one at a time once the window is up, in xdotool's names ("ctrl+3 Down Return");
#       after each key the script waits until the screen stops changing. "pause" waits a second.
#   -m  moves the pointer to X,Y before the shot (to show a tooltip or a hover)
#   -t  how long to wait at most for the window and for each key's effect (default 60 s)
#
# Installs what it lacks with apt-get (Xvfb, xdotool, ImageMagick, pngquant and the GTK libraries
# JavaFX needs). Exits 1 when the window never appeared or the command ended before the shot.
set -euo pipefail
size=1366x768 out=screenshot.png keys="" pointer="" limit=60
usage() { sed -n '2,15p' "$0" >&2; exit 2; }
while getopts "s:o:k:m:t:" opt; do
  case $opt in
    s) size=$OPTARG ;; o) out=$OPTARG ;; k) keys=$OPTARG ;; m) pointer=$OPTARG ;; t) limit=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[[ ${1:-} == "--" ]] && shift
[[ $# -gt 0 ]] || usage

need=()
command -v Xvfb >/dev/null || need+=(xvfb xauth)
command -v xdotool >/dev/null || need+=(xdotool)
command -v import >/dev/null && command -v compare >/dev/null || need+=(imagemagick)
command -v pngquant >/dev/null || need+=(pngquant)
ldconfig -p | grep -c libgtk-3.so.0 >/dev/null || need+=(libgtk-3-0 libgl1 libxtst6)
fc-list 2>/dev/null | grep -ci dejavu >/dev/null || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
  echo "installing ${need[*]}" >&2
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"; } \
    >/dev/null 2>&1 || { echo "could not install ${need[*]} with apt-get" >&2; exit 1; }
fi

# A display number nobody uses: the X lock file is the claim.
display=""
for n in $(shuf -i 100-899 -n 40); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then
    display=:$n
    break
  fi
done
[[ -n $display ]] || { echo "no free X display number" >&2; exit 1; }
export DISPLAY=$display
work=$(mktemp -d)
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
app_pid=""
cleanup() {
  if [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null; then
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 0.3
    done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 50); do
  xdotool getmouselocation >/dev/null 2>&1 && break
  sleep 0.1
done

mkdir -p "$(dirname "$out")"
log=${out%.png}.log
"$@" >"$log" 2>&1 &
app_pid=$!

alive() {
  kill -0 "$app_pid" 2>/dev/null || { echo "the command ended before the shot; its output is in $log" >&2; exit 1; }
}

# Waits until two captures half a second apart differ in fewer pixels than a ticking clock
# changes, three times in a row, or until the limit: then the window has finished drawing.
settle() {
  local until=$((SECONDS + limit)) calm=0 a="$work/a.png" b="$work/b.png" diff
  import -window root "$a"
  while ((SECONDS < until)); do
    sleep 0.5
    alive
    import -window root "$b"
    # AE counts differing pixels; large counts come as 1.2e+06, which awk reads.
    diff=$(compare -metric AE "$a" "$b" null: 2>&1 || true)
    diff=$(awk -v d="$diff" 'BEGIN { if (d ~ /^[0-9.e+]+$/) printf "%d", d + 0; else print -1 }')
    if ((diff >= 0 && diff < 1500)); then
      calm=$((calm + 1))
      ((calm < 3)) || return 0
    else
      calm=0
    fi
    mv "$b" "$a"
  done
  echo "the screen was still changing after ${limit} s; taking the shot anyway" >&2
}

# The window is up once X knows a visible window of the command's, and it has drawn something.
until=$((SECONDS + limit))
until xdotool search --onlyvisible --pid "$app_pid" >/dev/null 2>&1 \
    || xdotool search --onlyvisible --name . >/dev/null 2>&1; do
  alive
  ((SECONDS < until)) || { echo "no window within ${limit} s; its output is in $log" >&2; exit 1; }
  sleep 0.3
done
# A window that is mapped but not painted yet is one flat colour, and calm: wait for content.
until (($(import -window root "$work/first.png" && identify -format %k "$work/first.png") > 16)); do
  alive
  ((SECONDS < until)) || { echo "the window drew nothing within ${limit} s; its output is in $log" >&2; exit 1; }
  sleep 0.5
done
settle
for key in $keys; do
  alive
  if [[ $key == pause ]]; then
    sleep 1
  else
    xdotool key "$key"
  fi
  settle
done
if [[ -n $pointer ]]; then
  xdotool mousemove "${pointer%,*}" "${pointer#*,}"
  sleep 1.5
  settle
fi
alive
import -window root "$work/shot.png"
# 256 colours are plenty for a UI and make the file a third of the size.
pngquant --quality 70-95 --speed 1 --strip --force --output "$out" "$work/shot.png" 2>/dev/null \
  || cp "$work/shot.png" "$out"
echo "saved $out ($(du -k "$out" | cut -f1) KB; the command's output is in $log)"
