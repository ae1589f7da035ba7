#!/usr/bin/env bash
# Builds a self-contained Setwise app (its own Java runtime inside) with the JDK's jpackage.
#
#   packaging/package.sh [app-image|deb|rpm]     (default: app-image, into target/dist/)
#
# JavaFX goes on the module path of the bundled runtime (jlink links its modules, natives
# included); everything else stays on the class path beside setwise.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
type=${1:-app-image}
command -v jpackage >/dev/null || { echo "jpackage not found: use a full JDK 17+" >&2; exit 1; }

mvn -B -q package -DskipTests
version=$(sed -n 's/^version=//p' target/classes/dev/setwise/version.properties)
app_version=${version%%-*}

rm -rf target/jpackage target/dist
mkdir -p target/jpackage/input target/jpackage/javafx target/dist
cp target/setwise.jar target/jpackage/input/
for jar in target/lib/*.jar; do
  case $(basename "$jar") in
    javafx-*-linux.jar|javafx-*-win.jar|javafx-*-mac*.jar) cp "$jar" target/jpackage/javafx/ ;;
    javafx-*) ;;  # the empty platform-neutral POM jars
    *) mkdir -p target/jpackage/input/lib && cp "$jar" target/jpackage/input/lib/ ;;
  esac
done

jpackage --type "$type" \
  --name Setwise \
  --app-version "$app_version" \
  --vendor "Setwise" \
  --description "Offline-first strength-training log" \
  --icon icons/setwise-256.png \
  --input target/jpackage/input \
  --main-jar setwise.jar \
  --main-class dev.setwise.Main \
  --module-path target/jpackage/javafx \
  --add-modules javafx.controls,javafx.media,java.sql,java.naming,java.net.http,java.management,jdk.unsupported,jdk.crypto.ec,java.desktop,java.logging,java.xml,jdk.zipfs \
  --java-options "-Xmx1g" \
  --java-options "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED" \
  --dest target/dist
echo "built target/dist ($type)"
