#!/usr/bin/env bash
# Checks (and on Debian/Ubuntu installs) the native packages RadioStudio uses: PortAudio and JACK for audio
# devices, espeak-ng and flite for offline voices, pocketsphinx for offline recognition, ffmpeg/sox for decoding,
# chromium for the browser tests. Run by the build once (RadioStudio.Web, stamp in obj/), by .ci/run, or by hand.
# Never fails a build: what it cannot install it names, and the studio falls back at run time.
set -uo pipefail

packages=(chromium fonts-liberation libportaudio2 jackd2 alsa-utils espeak-ng flite sox pocketsphinx pocketsphinx-en-us libpocketsphinx3 ffmpeg)

case "$(uname -s)" in
  Darwin)
    echo "RadioStudio set-up (macOS): install the native engines with Homebrew:"
    echo "  brew install portaudio espeak-ng flite sox ffmpeg cmu-pocketsphinx && brew install --cask chromium"
    exit 0 ;;
  MINGW*|MSYS*|CYGWIN*|Windows_NT)
    echo "RadioStudio set-up (Windows): the offline voices/recognition need espeak-ng (https://github.com/espeak-ng/espeak-ng/releases)"
    echo "  and ffmpeg (winget install ffmpeg); the browser tests need Chromium (set CHROMIUM_PATH). Cloud providers work without them."
    exit 0 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "RadioStudio set-up: not a Debian/Ubuntu system; install the equivalents of: ${packages[*]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "RadioStudio set-up: all native packages present (${#packages[@]})."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  apt=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  apt=(sudo apt-get)
else
  echo "RadioStudio set-up: missing Debian packages: ${missing[*]}"
  echo "  install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
  echo "  (the studio runs without them, with fallbacks; the browser tests need chromium)"
  exit 0
fi

echo "RadioStudio set-up: installing ${missing[*]} (one time; a few minutes on a fresh machine)…"
export DEBIAN_FRONTEND=noninteractive
"${apt[@]}" update -q >/dev/null && "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
  && echo "RadioStudio set-up: installed ${#missing[@]} package(s)." \
  || echo "RadioStudio set-up: could not install ${missing[*]}; install them by hand (the studio falls back without them)."
exit 0
