#!/usr/bin/env bash
# Records sample-session/session.jsonl again: the demo driven through the terminal UI in a
# 140×45 tmux pane with the keys listed in sample-session/README.md, waiting for the screen
# after each step. Run it from the repository root after any change to the engine's results
# (`mxtriage replay sample-session/session.jsonl --check` then says `differs:`).
#
#   scripts/record-sample-session.sh [MXTRIAGE]      (default: the debug build's binary)
set -euo pipefail

mxtriage=${1:-$(swift build --show-bin-path)/mxtriage}
log=$PWD/sample-session/session.jsonl
cache=$(mktemp -d)
pane=mxtriage-record-$$
trap 'tmux kill-session -t "$pane" 2>/dev/null || true; rm -rf "$cache"' EXIT

screen() { tmux capture-pane -p -t "$pane"; }

# Waits until the screen matches the extended regular expression $1 (at most $2 s).
wait_for() {
    local pattern=$1 limit=${2:-60} waited=0
    until screen | grep -Eq "$pattern"; do
        sleep 0.2
        waited=$((waited + 1))
        if [ "$waited" -gt $((limit * 5)) ]; then
            echo "record-sample-session: timed out waiting for /$pattern/; the screen was:" >&2
            screen >&2
            exit 1
        fi
    done
}

key() { tmux send-keys -t "$pane" "$@"; sleep 0.4; }

rm -f "$log"
tmux new-session -d -s "$pane" -x 140 -y 45 \
    "TERM=xterm-256color XDG_CACHE_HOME=$cache $mxtriage demo --sweeps 6 --detector small \
     --max-images 20 --nproc 2 --log $log 2>$cache/stderr; echo exit=\$? >>$cache/stderr; sleep 30"

wait_for 'individual 5 ✓ 1 ✗' 180
wait_for 'individual 5 ✓ 1 ✗ · joint –' 60
key 4
key 1
key j j j
key x
wait_for 'excl' 30
key J
wait_for 'joint run 1: 4 ✓' 120
key 2
key 4
key t
key c
sleep 2
key t
key q
for _ in $(seq 1 50); do grep -q '^exit=' "$cache/stderr" && break; sleep 0.2; done
cat "$cache/stderr"
grep -q '^exit=0$' "$cache/stderr"
echo "recorded $(wc -l <"$log") lines into $log"
