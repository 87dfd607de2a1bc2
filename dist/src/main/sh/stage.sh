#!/bin/bash
# Lays out rollcall for the tarball and the Debian package, from the executables the jars register
# (META-INF/rollcall/NAME), so every executable merged into the build gets its launcher link, man page and place.
#
#   stage.sh TARGET VERSION JDK_HOME
# TARGET/dist-lib holds the runtime jars; TARGET/man/man1 the man pages the man module built.
set -euo pipefail
target=$1 version=$2 jdk=$3
src=$(cd "$(dirname "$0")/.." && pwd)
stamp=@$(date -d "$(sed -n 's:.*<project.build.outputTimestamp>\(.*\)</.*:\1:p' "$src/../../../pom.xml")" +%s)
jar="$jdk/bin/jar"

home=$target/stage/rollcall-$version
rm -rf "$target/stage" && mkdir -p "$home/bin" "$home/lib" "$home/cds" "$home/man/man1" "$home/man/man5" "$home/icinga2"
cp "$target/dist-lib/"*.jar "$home/lib/"
build=$(cat "$home/lib/"*.jar | sha256sum | cut -c1-12)
# The main jar's class path and main class, for the launcher to pass instead of -jar (the main jar holds no class).
manifest=$target/manifest
rm -rf "$manifest" && mkdir -p "$manifest"
(cd "$manifest" && "$jar" xf "$home/lib/rollcall-$version.jar" META-INF/MANIFEST.MF)
attribute() {
  tr -d '\r' < "$manifest/META-INF/MANIFEST.MF" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' | sed -n "s/^$1: //p"
}
classpath=$(attribute Class-Path)
main=$(attribute Main-Class)
for name in $classpath; do
  [ -f "$home/lib/$name" ] || { echo "stage.sh: the class path names $name, which is not in lib/" >&2; exit 1; }
done
[ -n "$main" ] || { echo "stage.sh: rollcall-$version.jar names no Main-Class" >&2; exit 1; }

# Executables: every META-INF/rollcall/NAME in the jars.
for j in "$home/lib/"*.jar; do
  "$jar" tf "$j" | sed -n 's:^META-INF/rollcall/\([^/][^/]*\)$:\1:p'
done | LC_ALL=C sort -u > "$home/lib/executables"
[ -s "$home/lib/executables" ] || { echo "stage.sh: no executables registered in $target/dist-lib" >&2; exit 1; }

# "NAME CLASS SHAPE" for each executable, from its registry entry (its class, then plain=SHAPE when it runs some
# arguments without picocli, its words between single spaces; - when not): the launcher passes both, sparing the
# JVM the lookup, and picks the plain class-data archive by the shape.
registry=$target/registry
rm -rf "$registry" && mkdir -p "$registry"
for j in "$home/lib/"*.jar; do
  (cd "$registry" && "$jar" xf "$j" META-INF/rollcall)
done
for name in $(cat "$home/lib/executables"); do
  entry=$registry/META-INF/rollcall/$name
  class=$(tr -d '\r' < "$entry" | grep -v '^[[:space:]]*$' | head -n 1 | tr -d '[:space:]')
  plain=$(tr -d '\r' < "$entry" | sed -n 's/^plain=//p' | tr -s ' \t' '  ' | sed 's/^ //; s/ $//')
  echo "$name $class ${plain:--}"
done > "$home/lib/classes"

# The launcher, with the registry written into it as the arms of a case: reading lib/classes would cost each run
# about 1,100 one-byte reads (dash reads a file byte by byte).
while read -r name class plain; do
  case "$name$class$plain" in
    *[!A-Za-z0-9._,:=\ -]*) echo "stage.sh: $name's registry entry holds a character the launcher cannot quote" >&2; exit 1 ;;
  esac
  printf "    %s) entry_class=%s entry_plain='%s' ;;\n" "$name" "$class" "$plain"
done < "$home/lib/classes" > "$target/registry.sh"
sed -e "s/@VERSION@/$version/" -e "s/@BUILD@/$build/" -e "s/@CLASSPATH@/$classpath/" -e "s/@MAIN@/$main/" \
  -e "/@REGISTRY@/{" -e "r $target/registry.sh" -e "d" -e "}" "$src/sh/rollcall" > "$home/bin/rollcall"
chmod 755 "$home/bin/rollcall"

# Nagios plugin names: check_rollcall_X for every X.monitor that speaks Nagios (not the bridge from Nagios).
nagios_names() {
  sed -n 's:^\(.*\)\.monitor$:\1:p' "$home/lib/executables" | grep -vx nagios | sed 's:^:check_rollcall_:'
}

# Class-data training runs: the data file's lines whose executable exists, then every executable's --help.
while read -r name rest; do
  if grep -qx "$name" "$home/lib/executables"; then echo "$name $rest"; fi
done < "$src/data/training" > "$home/lib/training"
sed 's:$: --help:' "$home/lib/executables" >> "$home/lib/training"
# Last, cpu.monitor as mon runs it: without arguments, measuring since the state its --sample run above left in
# MON_STATEDIR (which --build-archives sets) more than the second it needs ago, so it does not sample for 5 s.
if grep -qx cpu.monitor "$home/lib/executables"; then echo "cpu.monitor" >> "$home/lib/training"; fi

# JNA's native library, unpacked once here so no run unpacks it into a home directory or /tmp.
jna=$(ls "$home/lib/"jna-*.jar)
(cd "$home/lib" && mkdir native && cd native \
  && "$jar" xf "$jna" com/sun/jna/linux-x86-64/libjnidispatch.so com/sun/jna/linux-aarch64/libjnidispatch.so \
  && mv com/sun/jna/* . && rm -r com)

# Man pages: one per executable and one for the launcher, and a .so link per Nagios name, from the man module.
for name in rollcall $(cat "$home/lib/executables") $(nagios_names); do
  [ -f "$target/man/man1/$name.1" ] || { echo "stage.sh: no man page for $name in $target/man/man1" >&2; exit 1; }
  cp "$target/man/man1/$name.1" "$home/man/man1/"
done
# The rule syntax is a file format's page, section 5 (the man module renders every page into one directory).
cp "$target/man/man1/rollcall-rules.5" "$home/man/man5/"

cp "$src/../../../README.md" "$home/"
# The walkthroughs under mon, Nagios, NRPE and Icinga 2, which the README and the man pages point to.
walkthroughs="mon.md nagios.md nrpe.md icinga2.md"
mkdir -p "$home/docs"
for page in $walkthroughs; do cp "$src/../../../docs/$page" "$home/docs/"; done
# Icinga 2's CheckCommand definitions, which an icinga2.conf includes by path (docs/icinga2.md).
cp "$src/icinga2/rollcall-commands.conf" "$home/icinga2/"
for name in $(cat "$home/lib/executables") $(nagios_names); do
  ln -s rollcall "$home/bin/$name"
done

reproducible_tar() { # OUT DIR ENTRY...
  local out=$1 dir=$2
  shift 2
  tar --sort=name --mtime="$stamp" --owner=0 --group=0 --numeric-owner --mode=go-w -C "$dir" -cf - "$@" \
    | gzip -9n > "$out"
}
reproducible_tar "$target/rollcall-$version.tar.gz" "$target/stage" "rollcall-$version"

# The Debian package's tree: the jars and launcher under /usr/share/rollcall, links where mon and Nagios look.
root=$target/stage/deb
share=$root/usr/share/rollcall
mkdir -p "$share" "$root/usr/bin" "$root/usr/lib/mon/mon.d" "$root/usr/lib/mon/alert.d" \
  "$root/usr/lib/nagios/plugins" "$root/usr/share/man/man1" "$root/usr/share/man/man5" "$root/usr/share/doc/rollcall" "$root/var/cache/rollcall"
cp -a "$home/bin" "$home/lib" "$home/icinga2" "$share/"
find "$share/bin" -type l -delete
# JNA's native libraries are architecture-dependent files: under /usr/lib, where the launcher's lib/native leads.
mkdir -p "$root/usr/lib/rollcall"
mv "$share/lib/native" "$root/usr/lib/rollcall/native"
ln -s ../../../lib/rollcall/native "$share/lib/native"
ln -s /var/cache/rollcall "$share/cds"
ln -s ../share/rollcall/bin/rollcall "$root/usr/bin/rollcall"
diversions=()
for name in $(cat "$home/lib/executables"); do
  case $name in
    *.monitor) dir=usr/lib/mon/mon.d ;;
    *.alert) dir=usr/lib/mon/alert.d ;;
    *) ln -s ../share/rollcall/bin/rollcall "$root/usr/bin/$name"; continue ;;
  esac
  ln -s ../../../share/rollcall/bin/rollcall "$root/$dir/$name"
  if grep -qx "/$dir/$name" "$src/data/mon-owned-paths"; then diversions+=("/$dir/$name"); fi
done
for name in $(nagios_names); do
  ln -s ../../../share/rollcall/bin/rollcall "$root/usr/lib/nagios/plugins/$name"
done
for page in "$home/man/man1/"*.1 "$home/man/man5/"*.5; do
  section=${page##*.}
  [ -e "$page" ] && gzip -9n < "$page" > "$root/usr/share/man/man$section/${page##*/}.gz"
done
gzip -9n < "$home/README.md" > "$root/usr/share/doc/rollcall/README.md.gz"
for page in $walkthroughs; do gzip -9n < "$home/docs/$page" > "$root/usr/share/doc/rollcall/$page.gz"; done
cp "$src/deb/copyright" "$root/usr/share/doc/rollcall/copyright"
# A native package's changelog, whose latest entry must be this version (a new version needs its entry).
latest=$(sed -n '1s/^rollcall (\([^)]*\)).*/\1/p' "$src/deb/changelog")
[ "$latest" = "$version" ] || { echo "stage.sh: src/main/deb/changelog's latest entry is ${latest:-none}, the build is $version" >&2; exit 1; }
gzip -9n < "$src/deb/changelog" > "$root/usr/share/doc/rollcall/changelog.gz"
mkdir -p "$root/usr/share/lintian/overrides"
cp "$src/deb/lintian-overrides" "$root/usr/share/lintian/overrides/rollcall"
reproducible_tar "$target/deb-data.tar.gz" "$root" .

# Control files: the diversions are decided here, from mon's file list, and undone on removal.
control=$target/deb-control
rm -rf "$control" && mkdir -p "$control"
for script in control preinst postinst postrm triggers; do
  sed -e "s/@VERSION@/$version/" -e "s:@DIVERSIONS@:${diversions[*]:-}:" "$src/deb/$script" > "$control/$script"
done
chmod 755 "$control/preinst" "$control/postinst" "$control/postrm"
echo "stage.sh: $(wc -l < "$home/lib/executables") executables, $(nagios_names | wc -l) Nagios names," \
  "${#diversions[@]} diversions of mon's files: ${diversions[*]:-none}"
