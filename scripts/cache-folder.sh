# Sourced by the scripts that fill Hearth's cache (~/.cache/hearth): puts a folder they built in place of the cached
# one in two renames, so that a test reading the cache never sees a half-written folder.
replace_cached_folder() { # built folder, cached folder
  mkdir -p "$(dirname "$2")"
  rm -rf "$2.old"
  if [[ -d "$2" ]]; then mv "$2" "$2.old"; fi
  mv "$1" "$2"
  rm -rf "$2.old"
}
