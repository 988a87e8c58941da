#!/usr/bin/env bash
# Varnish 7 with the xkey vmod in front of Dateline, for local runs and scripts/cdn-purge-test.sh.
#
#   scripts/varnish.sh install                      apt-get install varnish varnish-modules, when missing
#   scripts/varnish.sh vcl [options]                print deploy/varnish/dateline.vcl for these backends
#   scripts/varnish.sh start --port P --workdir D [options]
#                                                   write D/dateline.vcl, start varnishd on 127.0.0.1:P with
#                                                   its own working directory D (several may run at once)
#   scripts/varnish.sh stop --workdir D             stop the varnishd started with that working directory
#
# Options: --backend [HOST:]PORT (repeatable; default 127.0.0.1:8080), --purger ADDRESS (repeatable:
# the ACL of addresses allowed to PURGE; default 127.0.0.1 and ::1), --memory SIZE (default 64m).
# No systemd needed: varnishd runs as a daemon of its own, its pid in D/varnishd.pid.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

install() {
    if command -v varnishd >/dev/null && [[ -n "$(find /usr/lib -path '*varnish*/vmods/libvmod_xkey.so' -print -quit 2>/dev/null)" ]]; then
        return
    fi
    # No service is started by the package where policy-rc.d or the lack of systemd forbids it; we start our own.
    apt-get update -q >/dev/null  # a fresh machine may have no package lists yet
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q varnish varnish-modules >/dev/null
}

backends=() purgers=() port="" workdir="" memory="64m"
parse() {
    while (($#)); do
        case "$1" in
            --backend) backends+=("$2"); shift 2 ;;
            --purger) purgers+=("$2"); shift 2 ;;
            --port) port="$2"; shift 2 ;;
            --workdir) workdir="$2"; shift 2 ;;
            --memory) memory="$2"; shift 2 ;;
            *) echo "unknown option: $1" >&2; exit 2 ;;
        esac
    done
    ((${#backends[@]})) || backends=("127.0.0.1:8080")
    ((${#purgers[@]})) || purgers=("127.0.0.1" "::1")
}

# The committed VCL with its BEGIN/END blocks rewritten: one backend (and health probe) per Dateline, all
# in the round-robin director, and the purgers ACL.
vcl() {
    python3 - "$root/deploy/varnish/dateline.vcl" "${#backends[@]}" "${backends[@]}" "${purgers[@]}" <<'PY'
import re, sys
path, n = sys.argv[1], int(sys.argv[2])
backends, purgers = sys.argv[3:3 + n], sys.argv[3 + n:]
text = open(path).read()
template = re.search(r"# BEGIN BACKENDS\n(backend dateline_1 \{.*?\n\})\n# END BACKENDS", text, re.S).group(1)
def backend(i, spec):
    host, _, port = spec.rpartition(":")
    block = template.replace("dateline_1", f"dateline_{i}")
    block = re.sub(r'\.host = "[^"]*";', f'.host = "{host or "127.0.0.1"}";', block)
    return re.sub(r'\.port = "[^"]*";', f'.port = "{port}";', block)
def replace(name, body, indent=""):
    global text
    text = re.sub(rf"({indent}# BEGIN {name}\n).*?({indent}# END {name})", lambda m: m.group(1) + body + m.group(2), text, flags=re.S)
replace("BACKENDS", "\n".join(backend(i + 1, b) for i, b in enumerate(backends)) + "\n")
replace("DIRECTOR", "".join(f"    dateline.add_backend(dateline_{i + 1});\n" for i in range(len(backends))), "    ")
def acl_entry(p):  # VCL writes a range as "10.0.0.0"/24
    address, _, bits = p.partition("/")
    return f'    "{address}"' + (f"/{bits}" if bits else "") + ";\n"
replace("PURGERS", "".join(acl_entry(p) for p in purgers), "    ")
sys.stdout.write(text)
PY
}

start() {
    [[ -n "$port" && -n "$workdir" ]] || { echo "start needs --port and --workdir" >&2; exit 2; }
    install
    mkdir -p "$workdir"
    vcl >"$workdir/dateline.vcl"
    # -n: a working directory of its own; -T: a management port of its own (varnishadm -n finds it).
    # -j none: no switch to the varnish user, which could not read a working directory under a private
    # temporary one; for local runs and tests (a production Varnish runs as its package's service).
    varnishd -j none -n "$workdir" -a "127.0.0.1:$port" -T 127.0.0.1:0 -f "$workdir/dateline.vcl" \
        -s "malloc,$memory" -P "$workdir/varnishd.pid"
    for _ in $(seq 50); do
        if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
            return
        fi
        sleep 0.1
    done
    echo "varnishd did not answer on port $port" >&2
    exit 1
}

stop() {
    [[ -n "$workdir" ]] || { echo "stop needs --workdir" >&2; exit 2; }
    if [[ -f "$workdir/varnishd.pid" ]]; then
        pid="$(cat "$workdir/varnishd.pid")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        rm -f "$workdir/varnishd.pid"
    fi
}

command="${1:-}"
shift || true
case "$command" in
    install) install ;;
    vcl) parse "$@"; vcl ;;
    start) parse "$@"; start ;;
    stop) parse "$@"; stop ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
