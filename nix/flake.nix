# Use from the repository root: `nix build ./nix#planet`; from another flake:
#   inputs.planet.url = "github:OWNER/planet?dir=nix";
#   modules = [ inputs.planet.nixosModules.planet ];
{
  description = "Planet: a feed aggregator that writes a static site";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-linux"
      ];
      forAllSystems = nixpkgs.lib.genAttrs systems;
    in
    {
      packages = forAllSystems (system: rec {
        planet = nixpkgs.legacyPackages.${system}.callPackage ./package.nix { };
        default = planet;
      });

      nixosModules = rec {
        planet =
          { pkgs, ... }:
          {
            imports = [ ./module.nix ];
            services.planet.package = nixpkgs.lib.mkDefault self.packages.${pkgs.stdenv.hostPlatform.system}.planet;
          };
        default = planet;
      };
    };
}
