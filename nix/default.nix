# Without flakes: nix-build nix/ -A planet
{
  pkgs ? import <nixpkgs> { },
}:
{
  planet = pkgs.callPackage ./package.nix { };
}
