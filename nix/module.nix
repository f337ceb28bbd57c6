# services.planet: rebuilds a planet on a timer as an unprivileged user and publishes it to a
# web root. The modern successor of the services.venus module that NixOS once shipped.
{
  config,
  lib,
  pkgs,
  ...
}:

let
  cfg = config.services.planet;
  settingsFormat = pkgs.formats.json { };
  configFile =
    if cfg.configFile != null then cfg.configFile else settingsFormat.generate "feeds.json" cfg.settings;
  stateDir = "/var/lib/${cfg.stateDirectory}";
  nodejs = cfg.package.nodejs or pkgs.nodejs_24;

  # The build writes dist/ and Astro's caches next to its sources, so it runs from a writable
  # copy of the package in the service's cache directory, made anew when the package changes.
  runBuild = pkgs.writeShellScript "planet-build" ''
    set -euo pipefail
    app="$CACHE_DIRECTORY/app"
    if [ "$(cat "$app/.package" 2>/dev/null || true)" != "${cfg.package}" ]; then
      rm -rf "$app.new"
      cp -r "${cfg.package}/lib/node_modules/planet" "$app.new"
      chmod -R u+w "$app.new"
      echo "${cfg.package}" > "$app.new/.package"
      rm -rf "$app"
      mv "$app.new" "$app"
    fi
    cd "$app"
    ${lib.getExe nodejs} src/cli/build.ts
    # --delay-updates moves every changed file into place at the very end, so readers see the
    # old site or the new one, hardly ever a mix.
    ${lib.getExe pkgs.rsync} --recursive --times --delete-after --delay-updates \
      --chmod=D755,F644 "$app/dist/" "${cfg.webRoot}/"
  '';
in
{
  options.services.planet = {
    enable = lib.mkEnableOption "Planet, a feed aggregator that rebuilds a static site on a timer";

    package = lib.mkOption {
      type = lib.types.package;
      default = pkgs.callPackage ./package.nix { };
      defaultText = lib.literalExpression "pkgs.callPackage ./package.nix { }";
      description = "The planet package (see nix/package.nix).";
    };

    settings = lib.mkOption {
      type = lib.types.nullOr settingsFormat.type;
      default = null;
      example = lib.literalExpression ''
        {
          title = "NixOS Planet";
          link = "https://planet.nixos.org/";
          timezone = "Europe/Berlin";
          feeds = [
            { name = "Sander van der Burg"; url = "https://sandervanderburg.blogspot.com/feeds/posts/default"; }
          ];
        }
      '';
      description = ''
        The planet's configuration (the contents of feeds.json, see the README), written to a
        JSON file in the Nix store. Set this or {option}`services.planet.configFile`.
      '';
    };

    configFile = lib.mkOption {
      type = lib.types.nullOr lib.types.path;
      default = null;
      example = "/etc/planet/feeds.json";
      description = ''
        Path of an existing feeds.json (for example a checkout of the planet's config
        repository), used instead of {option}`services.planet.settings`.
      '';
    };

    interval = lib.mkOption {
      type = lib.types.str;
      default = "*:0/15";
      example = "hourly";
      description = "When to rebuild, as a systemd OnCalendar expression (see systemd.time(7)).";
    };

    user = lib.mkOption {
      type = lib.types.str;
      default = "planet";
      description = "User the build runs as; created when left at the default.";
    };

    group = lib.mkOption {
      type = lib.types.str;
      default = "planet";
      description = "Group the build runs as; created when left at the default.";
    };

    stateDirectory = lib.mkOption {
      type = lib.types.str;
      default = "planet";
      description = ''
        Directory under /var/lib holding the feed cache (PLANET_CACHE_DIR): each feed's
        validators and last good copy, which keep a member's posts on the page while their blog
        is down. Keep it across rebuilds and reboots.
      '';
    };

    webRoot = lib.mkOption {
      type = lib.types.str;
      default = "/var/www/planet";
      description = ''
        Where each new site (dist/) is copied after a successful build; point the web server's
        document root here.
      '';
    };
  };

  config = lib.mkIf cfg.enable {
    assertions = [
      {
        assertion = (cfg.settings == null) != (cfg.configFile == null);
        message = "services.planet: set exactly one of settings and configFile.";
      }
    ];

    users.users = lib.mkIf (cfg.user == "planet") {
      planet = {
        isSystemUser = true;
        group = cfg.group;
        description = "Planet feed aggregator";
      };
    };
    users.groups = lib.mkIf (cfg.group == "planet") { planet = { }; };

    systemd.tmpfiles.settings."10-planet".${cfg.webRoot}.d = {
      inherit (cfg) user group;
      mode = "0755";
    };

    systemd.services.planet = {
      description = "Rebuild the planet";
      after = [ "network-online.target" ];
      wants = [ "network-online.target" ];
      environment = {
        PLANET_CONFIG = "${configFile}";
        PLANET_CACHE_DIR = stateDir;
        ASTRO_TELEMETRY_DISABLED = "1";
        HOME = "/var/cache/planet";
      };
      serviceConfig = {
        Type = "oneshot";
        ExecStart = runBuild;
        User = cfg.user;
        Group = cfg.group;
        StateDirectory = cfg.stateDirectory;
        StateDirectoryMode = "0750";
        CacheDirectory = "planet";
        CacheDirectoryMode = "0750";
        ReadWritePaths = [ cfg.webRoot ];
        UMask = "0022";
        TimeoutStartSec = "30min";
        Nice = 10;

        NoNewPrivileges = true;
        CapabilityBoundingSet = "";
        AmbientCapabilities = "";
        ProtectSystem = "strict";
        ProtectHome = true;
        PrivateTmp = true;
        PrivateDevices = true;
        PrivateUsers = true;
        ProtectHostname = true;
        ProtectClock = true;
        ProtectKernelTunables = true;
        ProtectKernelModules = true;
        ProtectKernelLogs = true;
        ProtectControlGroups = true;
        ProtectProc = "invisible";
        RestrictAddressFamilies = [
          "AF_INET"
          "AF_INET6"
          "AF_UNIX"
        ];
        RestrictNamespaces = true;
        RestrictRealtime = true;
        RestrictSUIDSGID = true;
        LockPersonality = true;
        RemoveIPC = true;
        SystemCallArchitectures = "native";
        SystemCallFilter = [
          "@system-service"
          "~@privileged"
        ];
        # MemoryDenyWriteExecute stays off: V8's JIT needs writable executable memory.
      };
    };

    systemd.timers.planet = {
      description = "Rebuild the planet regularly";
      wantedBy = [ "timers.target" ];
      timerConfig = {
        OnCalendar = cfg.interval;
        # A run missed while the machine was off happens at boot; two runs never overlap,
        # since the timer does not start the service again while it is still running.
        Persistent = true;
        AccuracySec = "1min";
      };
    };
  };
}
