@REM Runs the platform on Windows: the same launcher as ./platform (org.mhaqi.local.Platform).
@REM Build first (mvnw.cmd -B -q -DskipTests -Dspotless.check.skip=true install), then e.g.
@REM   platform.cmd up -d | stop [<name>] | restart <name> | status | logs <name> | reset | check
@echo off
setlocal
set "ROOT=%~dp0"
set "LP=%ROOT%local-platform\target"
if not exist "%LP%\dependency" (
  echo platform: local-platform is not built; run mvnw.cmd -B -q -DskipTests install first 1>&2
  exit /b 1
)
java -Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "-Dlogback.configurationFile=%ROOT%local-platform\src\main\config\logback.xml" "-Dplatform.root=%ROOT%." "-Dplatform.classpath=%LP%\classes;%LP%\dependency\*" -cp "%LP%\classes;%LP%\dependency\*" org.mhaqi.local.Platform %*
exit /b %ERRORLEVEL%
