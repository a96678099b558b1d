# shellcheck shell=bash
# The lab worker's Python: Debian's PyTorch (CPU) with OpenBLAS, and bubblewrap for the sandboxes.
# Source it after common.sh.

LAB_APT_PACKAGES=(python3-torch libopenblas0-pthread bubblewrap)

# True when LAB_PYTHON (default /usr/bin/python3) imports torch and bwrap, prlimit and setpriv exist.
lab_tools_ready() {
  "${LAB_PYTHON:-/usr/bin/python3}" -c 'import torch' >/dev/null 2>&1 &&
    command -v bwrap >/dev/null 2>&1 && command -v prlimit >/dev/null 2>&1 && command -v setpriv >/dev/null 2>&1
}

# True when a bubblewrap sandbox starts here (needs unprivileged user namespaces; as root the lab
# worker drops to an unprivileged uid first, as this check does).
lab_sandbox_works() {
  local drop=()
  if [[ "$(id -u)" == 0 ]]; then drop=(setpriv --reuid=60000 --regid=60000 --clear-groups --); fi
  "${drop[@]}" bwrap --unshare-all --die-with-parent --clearenv --ro-bind /usr /usr --symlink usr/lib /lib \
    --symlink usr/lib64 /lib64 --symlink usr/bin /bin --proc /proc --dev /dev --tmpfs /tmp -- /usr/bin/true >/dev/null 2>&1
}

# Installs the packages with apt-get when run as root; otherwise says which command to run.
# $1 = "required" (npm test: stop without them) or "optional" (npm start: run without labs).
ensure_lab_tools() {
  local need="${1:-required}"
  if ! lab_tools_ready; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
      step "Installing Python with PyTorch and bubblewrap for the labs (apt-get install ${LAB_APT_PACKAGES[*]})"
      if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${LAB_APT_PACKAGES[@]}" >/dev/null; }; then
        die "apt-get install failed; install them and re-run: apt-get install -y ${LAB_APT_PACKAGES[*]}"
      fi
    fi
  fi
  if lab_tools_ready && ! lab_sandbox_works; then
    local why="bubblewrap cannot create a sandbox here (are unprivileged user namespaces disabled? sysctl kernel.unprivileged_userns_clone=1)"
    if [[ "$need" == required ]]; then die "$why"; fi
    warn "$why (starting without the lab worker)"
    LAB_TOOLS_READY=0
    return 0
  fi
  if lab_tools_ready; then
    LAB_TOOLS_READY=1
    note "labs: $("${LAB_PYTHON:-/usr/bin/python3}" -c 'import torch; print("torch", torch.__version__)' 2>/dev/null), $(bwrap --version)"
    return 0
  fi
  LAB_TOOLS_READY=0
  local message="the labs need Python with PyTorch and bubblewrap. Install them: sudo apt-get install ${LAB_APT_PACKAGES[*]}"
  if [[ "$need" == required ]]; then die "$message"; fi
  warn "$message (starting without the lab worker)"
}
