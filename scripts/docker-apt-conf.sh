# Sourced by fix-build-bases.sh and measure-caches.sh: apt configured as the official Debian and
# Ubuntu images configure it (debuerreotype's /etc/apt/apt.conf.d/docker-* files).
#   docker_apt_conf DIR    writes docker-clean, docker-gzip-indexes and docker-no-languages into DIR
docker_apt_conf() {
  cat > "$1/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
  printf '%s\n' 'Acquire::GzipIndexes "true";' 'Acquire::CompressionTypes::Order:: "gz";' > "$1/docker-gzip-indexes"
  printf '%s\n' 'Acquire::Languages "none";' > "$1/docker-no-languages"
}
