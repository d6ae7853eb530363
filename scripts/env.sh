# Sourced by the build scripts: the environment Debian's Emscripten needs.
# Debian's emscripten runs on the system node, which finds Debian's acorn here.
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
