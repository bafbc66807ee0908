#!/usr/bin/env bash
# StreamPulse entrypoint: prepares the data volume, then runs supervisord (redis-server and the five services)
# in the foreground. Every path comes from the environment with the container's default, so the very same file
# runs in the image, under `./streampulse up`, and in the suite tests.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bin/streampulse-env.sh
source "${STREAMPULSE_ENV_SCRIPT:-$here/bin/streampulse-env.sh}"

log() { printf '%s entrypoint: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

for jar in monitor webgui publisher bridge streamer; do
  [ -f "$STREAMPULSE_LIB/$jar.jar" ] || { log "missing $STREAMPULSE_LIB/$jar.jar (build first)"; exit 1; }
done

mkdir -p "$STREAMPULSE_DATA" "$STREAMPULSE_LOG_DIR" "$STREAMPULSE_RUN_DIR" "$STREAMPULSE_DATA/redis" \
         "$STREAMPULSE_DATA/thumbnails" "$(dirname "$STREAMPULSE_CONFIG")"

# First boot: the default config, written through a symlink if the config path is one.
if [ ! -s "$STREAMPULSE_CONFIG" ]; then
  cp "$STREAMPULSE_DEFAULT_CONFIG" "$STREAMPULSE_CONFIG.new.$$"
  mv -f "$STREAMPULSE_CONFIG.new.$$" "$(readlink -m "$STREAMPULSE_CONFIG")"
  log "created $STREAMPULSE_CONFIG from the defaults"
fi

# The key that encrypts secrets in config.yaml: 32 random bytes, mode 0600, never replaced once made.
key="$STREAMPULSE_DATA/secret.key"
if [ ! -s "$key" ]; then
  ( umask 077
    head -c 32 /dev/urandom | base64 > "$key.new.$$"
    ln "$key.new.$$" "$key" 2>/dev/null || true
    rm -f "$key.new.$$" )
  log "created the secret key $key"
fi
chmod 600 "$key"

# In the image we start as root only to hand the volume to the service user, then drop privileges.
if [ "$(id -u)" = 0 ] && [ -n "${STREAMPULSE_USER:-}" ]; then
  find "$STREAMPULSE_DATA" -xdev ! -user "$STREAMPULSE_USER" -exec chown "$STREAMPULSE_USER:" {} +
  log "starting supervisord as $STREAMPULSE_USER"
  exec setpriv --reuid="$STREAMPULSE_USER" --regid="$(id -g "$STREAMPULSE_USER")" --init-groups \
       env HOME="$STREAMPULSE_DATA" supervisord -c "$STREAMPULSE_SUPERVISORD_CONF"
fi
log "starting supervisord (data $STREAMPULSE_DATA, config $STREAMPULSE_CONFIG)"
exec supervisord -c "$STREAMPULSE_SUPERVISORD_CONF"
