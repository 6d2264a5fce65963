#!/usr/bin/env python3
"""Does the job of GraalVM's `native-image` driver, which Maven Central does not publish.

Reads what Quarkus wrote for the driver (target/native-sources/native-image.args) and the
META-INF/native-image/** metadata of every jar on the image class path, and writes
  OUT/builder-jvm.args    a java @argfile that starts the image builder
                          (com.oracle.svm.hosted.NativeImageGeneratorRunner) on Temurin 25, with
                          the Graal compiler jar replacing the JDK's empty jdk.graal.compiler module
  OUT/builder-image.args  the builder's own options, NUL-separated (--image-args-file=)
  OUT/builder-image.txt   the same, one a line, for people

usage: builder-args.py NATIVE_SOURCES BUILDER_JARS JAVA_HOME CLIBRARY_DIR OUT XMX [-H:option ...]
"""
import os
import re
import shlex
import subprocess
import sys
import uuid
import zipfile

native_sources, jars_dir, java_home, clibrary_dir, out, xmx = (os.path.abspath(a) if i < 5 else a
                                                               for i, a in enumerate(sys.argv[1:7]))
extra_options = sys.argv[7:]

jars = sorted(os.path.join(jars_dir, j) for j in os.listdir(jars_dir) if j.endswith('.jar'))
graal_version = next(re.fullmatch(r'svm-(.+)\.jar', os.path.basename(j)).group(1)
                     for j in jars if re.fullmatch(r'svm-.+\.jar', os.path.basename(j)))
compiler_jars = [j for j in jars if os.path.basename(j).startswith('compiler-')]
builder_jars = [j for j in jars if j not in compiler_jars]
BUILDER_MODULES = ['org.graalvm.nativeimage.builder', 'org.graalvm.nativeimage.pointsto',
                   'org.graalvm.nativeimage.base', 'org.graalvm.nativeimage.objectfile',
                   'org.graalvm.nativeimage.configure', 'org.graalvm.nativeimage',
                   'org.graalvm.nativeimage.libgraal', 'org.graalvm.nativeimage.shaded.capnproto',
                   'org.graalvm.truffle.compiler', 'org.graalvm.espresso.shared.svm',
                   'org.graalvm.collections', 'org.graalvm.word', 'jdk.graal.compiler']


def jdk_packages():
    """Packages of each JDK module, read from the JDK's runtime image."""
    listing = subprocess.run([os.path.join(java_home, 'bin', 'jimage'), 'list',
                              os.path.join(java_home, 'lib', 'modules')],
                             capture_output=True, text=True, check=True).stdout
    packages, module = {}, None
    for line in listing.splitlines():
        if line.startswith('Module: '):
            module = line.split()[1]
        elif line.strip().endswith('.class') and '/' in line and 'META-INF' not in line:
            packages.setdefault(module, set()).add(line.strip().rsplit('/', 1)[0].replace('/', '.'))
    return packages


def jdk_internals_for_builder():
    """The real driver exports exactly the JDK internals each builder module declares it needs
    (mx's `requiresConcealed`, not in the published jars); exporting whole modules is a superset."""
    packages = jdk_packages()
    to = ','.join(BUILDER_MODULES + ['ALL-UNNAMED'])
    args = []
    for module in ('java.base', 'jdk.internal.vm.ci', 'java.management', 'jdk.management',
                   'jdk.internal.jvmstat', 'jdk.jfr', 'jdk.unsupported', 'java.desktop', 'java.xml',
                   'java.naming', 'java.logging'):
        args += ['--add-exports=%s/%s=%s' % (module, p, to) for p in sorted(packages.get(module, ()))]
    args += ['--add-opens=java.base/%s=%s' % (p, to) for p in sorted(packages['java.base'])]
    return args


# driver option -> builder option; the driver's names are APIOptions of the builder's hosted options
RENAMED = {'--features': 'Features', '--enable-url-protocols': 'EnableURLProtocols',
           '--enable-monitoring': 'EnableMonitoringFeatures', '--enable-native-access': 'EnableNativeAccess',
           '--link-at-build-time': 'LinkAtBuildTime', '--trace-class-initialization': 'TraceClassInitialization'}
INITIALIZE = {'--initialize-at-run-time': 'run_time', '--initialize-at-build-time': 'build_time'}


def builder_options(option, origin):
    if option.startswith('-H:'):
        return [option]
    if option == '--no-fallback':
        return ['-H:FallbackThreshold=0']
    name, has_value, value = option.partition('=')
    if name in INITIALIZE:
        return ['-H:ClassInitialization=' + ','.join(c + ':' + INITIALIZE[name] for c in value.split(','))]
    if name in RENAMED:
        return ['-H:%s=%s' % (RENAMED[name], value)]
    # an option we cannot translate must stop the gate, not be dropped silently
    sys.exit('builder-args: no translation for driver option %r (from %s)' % (option, origin))


driver_args = shlex.split(open(os.path.join(native_sources, 'native-image.args')).read(), posix=False)
jvm_options, options, excluded, class_path, positional, jar = [], [], [], [], [], None
i = 0
while i < len(driver_args):
    a = driver_args[i]
    if a.startswith('-J'):
        jvm_options.append(a[2:])
    elif a == '--exclude-config':
        # Quarkus escapes the regex dots with a backslash the shell would have eaten
        excluded.append(tuple(s.replace('\\\\', '\\') for s in driver_args[i + 1:i + 3]))
        i += 2
    elif a == '-jar':
        jar = os.path.join(native_sources, driver_args[i + 1])
        i += 1
    elif a in ('-cp', '-classpath', '--class-path'):
        class_path += [os.path.join(native_sources, p) for p in driver_args[i + 1].split(':')]
        i += 1
    elif a.startswith('-'):
        options += builder_options(a, 'native-image.args')
    else:
        positional.append(a)
    i += 1

if not jar:
    sys.exit('builder-args: native-image.args has no -jar (Quarkus always builds from its runner jar)')
with zipfile.ZipFile(jar) as z:
    manifest = re.sub(r'\r?\n ', '', z.read('META-INF/MANIFEST.MF').decode())
attributes = dict(line.split(': ', 1) for line in manifest.splitlines() if ': ' in line)
class_path = [jar] + [os.path.normpath(os.path.join(os.path.dirname(jar), p))
                      for p in attributes.get('Class-Path', '').split()] + class_path
options += ['-H:AddOpens=%s=ALL-UNNAMED' % p for p in attributes.get('Add-Opens', '').split()]
options += ['-H:AddExports=%s=ALL-UNNAMED' % p for p in attributes.get('Add-Exports', '').split()]
image_name = positional[0] if positional else os.path.basename(jar)[:-len('.jar')]

CONFIGURATION_FILES = {
    'reachability-metadata.json': 'ReachabilityMetadataResources',
    'reflect-config.json': 'ReflectionConfigurationResources',
    'resource-config.json': 'ResourceConfigurationResources',
    'proxy-config.json': 'DynamicProxyConfigurationResources',
    'jni-config.json': 'JNIConfigurationResources',
    'serialization-config.json': 'SerializationConfigurationResources',
    'serialization-deny-config.json': 'SerializationDenyConfigurationResources',
    'predefined-classes-config.json': 'PredefinedClassesConfigurationResources',
    'foreign-config.json': 'ForeignResources',
}
for entry in class_path:
    if not os.path.isfile(entry):
        continue
    with zipfile.ZipFile(entry) as z:
        for name in z.namelist():
            base = name.rsplit('/', 1)[-1]
            if not name.startswith('META-INF/native-image/') or (
                    base != 'native-image.properties' and base not in CONFIGURATION_FILES):
                continue
            if any(re.search(j, entry) and re.search(r, '/' + name) for j, r in excluded):
                continue
            if base in CONFIGURATION_FILES:
                options.append('-H:%s=%s' % (CONFIGURATION_FILES[base], name))
                continue
            text = re.sub(r'\\\r?\n\s*', ' ', z.read(name).decode())
            properties = dict(tuple(s.strip() for s in line.split('=', 1)) for line in text.splitlines()
                              if '=' in line and not line.lstrip().startswith('#'))
            for a in properties.get('Args', '').split():
                options += builder_options(a, entry + '!/' + name)
            jvm_options += properties.get('JavaArgs', '').split()

image_args = ['-imagecp', ':'.join(class_path),
              '-H:CLibraryPath=' + clibrary_dir,
              '-H:Path=' + native_sources,
              '-H:Name=' + image_name,
              '-H:Class=' + attributes['Main-Class'],
              '-H:ImageBuildID=' + str(uuid.uuid4())] + options + extra_options

# what the driver passes to every builder JVM (NativeImage.java: the system class loader, the
# lambda and method handle settings, the vendor properties the image reports at run time)
jvm_args = ['-XX:+UnlockExperimentalVMOptions', '-XX:+EnableJVMCI', '-XX:-UseJVMCICompiler',
            '-Xss10m', '-Xmx' + xmx, '-XX:+UseParallelGC', '-Xshare:off', '-Djava.awt.headless=true',
            '-Dorg.graalvm.vendor=GraalVM Community (Maven Central jars on Temurin)',
            '-Dorg.graalvm.vendorurl=https://www.graalvm.org/',
            '-Dorg.graalvm.vendorversion=GraalVM CE ' + graal_version,
            '-Dorg.graalvm.version=' + graal_version,
            '-Dcom.oracle.graalvm.isaot=true',
            '-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader',
            '-Dorg.graalvm.nativeimage.imagecode=buildtime',
            '-Djdk.internal.lambda.disableEagerInitialization=true',
            '-Djdk.internal.lambda.eagerlyInitialize=false',
            '-Djava.lang.invoke.InnerClassLambdaMetafactory.initializeLambdas=false',
            '-Djava.lang.invoke.MethodHandle.DONT_INLINE_THRESHOLD=-1',
            '-Djava.lang.invoke.MethodHandle.PROFILE_GWT=false'] + jvm_options + [
            '--add-modules=ALL-DEFAULT',
            '--enable-native-access=' + ','.join(BUILDER_MODULES),
            '--upgrade-module-path', ':'.join(compiler_jars),
            '--module-path', ':'.join(builder_jars)] + jdk_internals_for_builder() + [
            '--module', 'org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner']

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, 'builder-jvm.args'), 'w') as f:
    f.writelines('"%s"\n' % a.replace('\\', '\\\\').replace('"', '\\"') for a in jvm_args)
with open(os.path.join(out, 'builder-image.args'), 'wb') as f:
    f.write('\0'.join(image_args).encode())
with open(os.path.join(out, 'builder-image.txt'), 'w') as f:
    f.write('\n'.join(image_args) + '\n')
print('builder-args: %s from %d class path entries, %d builder options' % (
    image_name, len(class_path), len(image_args)))
