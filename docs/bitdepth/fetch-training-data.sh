#!/usr/bin/env bash
# Fetch real training images for bit-depth expansion from Debian packages.
#
#   bash docs/bitdepth/fetch-training-data.sh OUT
#
# Downloads the packages below with `apt-get download` (nothing is installed),
# unpacks them with `dpkg-deb -x` under OUT/.work, and copies the selected
# photographs / artwork / scientific frames into
#   OUT/img8   8-bit PNG (lossless) and JPEG (lossy-compressed, flagged in the manifest)
#   OUT/img16  16-bit grey PNG made from integer-valued FITS frames (values unchanged)
# Every name is prefixed by its package. OUT/manifest.tsv lists each file with its
# package, version, source path, size, depth, channels, format and a lossy flag.
# Needs: apt-get (after `apt-get update`), dpkg-deb, python3 (stdlib only),
# ImageMagick's identify (/usr/bin/identify). See docs/bitdepth/TRAINING-DATA.md.
#
# Test images are never copied: names kodim*, astronaut*, camera* and anything
# whose bytes equal a file under $TESTSET_DIR (default ../shared/data) are skipped.
set -euo pipefail

OUT=${1:?usage: $0 OUT}
MINSIDE=${MINSIDE:-256}
TESTSET_DIR=${TESTSET_DIR:-../shared/data}
IDENTIFY=${IDENTIFY:-/usr/bin/identify}
[ -x "$IDENTIFY" ] || { echo "needs ImageMagick's identify at $IDENTIFY (apt-get install imagemagick)" >&2; exit 1; }
WORK="$OUT/.work"
mkdir -p "$WORK/debs" "$WORK/x" "$OUT/img8" "$OUT/img16"
OUT=$(cd "$OUT" && pwd); WORK="$OUT/.work"

PKGS=(mate-backgrounds lomiri-wallpapers-16.04 lomiri-wallpapers-20.04
      plasma-workspace-wallpapers python3-skimage stellarium-data eso-midas-testdata)

# ---- download + extract -----------------------------------------------------
MISSING=(); for p in "${PKGS[@]}"; do ls "$WORK/debs/${p}_"*.deb >/dev/null 2>&1 || MISSING+=("$p"); done
[ ${#MISSING[@]} -eq 0 ] || (cd "$WORK/debs" && apt-get download "${MISSING[@]}" >/dev/null 2>"$WORK/apt.log") || {
  cat "$WORK/apt.log" >&2; echo "apt-get download failed (run apt-get update first?)" >&2; exit 1; }
declare -A VER
for p in "${PKGS[@]}"; do
  deb=$(ls "$WORK/debs/${p}_"*.deb | head -1)
  VER[$p]=$(dpkg-deb -f "$deb" Version)
  if [ ! -d "$WORK/x/$p/usr" ]; then mkdir -p "$WORK/x/$p"; dpkg-deb -x "$deb" "$WORK/x/$p"; fi
done

# ---- test-set guard -----------------------------------------------------------
declare -A TESTMD5
if [ -d "$TESTSET_DIR" ]; then
  while read -r m _; do TESTMD5[$m]=1; done < <(find "$TESTSET_DIR" -type f \( -name '*.png' -o -name '*.jpg' -o -name '*.tif*' \) -exec md5sum {} + 2>/dev/null)
fi
is_test_image() {  # $1 = path
  local b; b=$(basename "$1" | tr 'A-Z' 'a-z')
  case "$b" in kodim*|astronaut*|camera*) return 0;; esac
  local m; m=$(md5sum "$1" | cut -d' ' -f1)
  [ -n "${TESTMD5[$m]:-}" ]
}

MAN="$OUT/manifest.tsv"
printf 'file\tpackage\tversion\tsource\twidth\theight\tdepth\tchannels\tformat\tlossy\n' > "$MAN"
SKIPPED_TEST=0; SKIPPED_SMALL=0

# copy_img PKG SRC DESTNAME  (8-bit raster; JPEG kept as JPEG and flagged lossy)
copy_img() {
  local pkg=$1 src=$2 name=$3 info w h z ch fmt lossy dir
  if is_test_image "$src"; then SKIPPED_TEST=$((SKIPPED_TEST+1)); echo "skip (test image): $src" >&2; return; fi
  info=$("$IDENTIFY" -ping -format '%w %h %z %[channels] %m' "$src[0]" 2>/dev/null) || { echo "skip (unreadable): $src" >&2; return; }
  read -r w h z ch fmt <<<"$info"
  if [ "$w" -lt "$MINSIDE" ] || [ "$h" -lt "$MINSIDE" ]; then SKIPPED_SMALL=$((SKIPPED_SMALL+1)); return; fi
  lossy=no; [ "$fmt" = JPEG ] && lossy=yes
  dir=img8; [ "$z" -ge 16 ] && dir=img16
  cp "$src" "$OUT/$dir/$name"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$dir/$name" "$pkg" "${VER[$pkg]}" "${src#$WORK/x/$pkg}" "$w" "$h" "$z" "$ch" "$fmt" "$lossy" >> "$MAN"
}

# ---- 8-bit selections -----------------------------------------------------------
X="$WORK/x"
# mate-backgrounds: the 12 nature photographs + the painting "Elephants" (largest size only)
p=mate-backgrounds
for f in "$X/$p"/usr/share/backgrounds/mate/nature/*.jpg "$X/$p"/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg; do
  copy_img $p "$f" "${p}_$(basename "$f")"; done
# lomiri-wallpapers-16.04: photographs (umang_* is a vector-style render)
p=lomiri-wallpapers-16.04
for f in "$X/$p"/usr/share/backgrounds/*.jpg; do
  case "$(basename "$f")" in umang_*) continue;; esac
  copy_img $p "$f" "${p}_$(basename "$f")"; done
# lomiri-wallpapers-20.04: the two photographs (Fossa, Painting-Colors are renders)
p=lomiri-wallpapers-20.04
for f in "$X/$p"/usr/share/backgrounds/{Infinite-Sea,Kleiber}_*.jpg; do
  copy_img $p "$f" "${p}_$(basename "$f")"; done
# plasma-workspace-wallpapers: photographic wallpapers only, largest resolution of each
p=plasma-workspace-wallpapers
for wp in BytheWater ColdRipple EveningGlow FallenLeaf Grey Kite OneStandsOut Path summer_1am; do
  best=; bestpx=0
  for f in "$X/$p/usr/share/wallpapers/$wp/contents/images/"*; do
    r=$(basename "$f"); r=${r%.*}; px=$(( ${r%x*} * ${r#*x} )) 2>/dev/null || continue
    [ "$px" -gt "$bestpx" ] && { best=$f; bestpx=$px; }
  done
  [ -n "$best" ] && copy_img $p "$best" "${p}_${wp}_$(basename "$best")"
done
# python3-skimage: real photos / micrographs in skimage/data (astronaut, camera are test images;
# color.png, logo.png, chessboard*, clock_motion are synthetic; the rest is < 256 px)
p=python3-skimage
D="$X/$p/usr/lib/python3/dist-packages/skimage/data"
for n in coffee.png chelsea.png motorcycle_left.png motorcycle_right.png moon.png brick.png grass.png \
         gravel.png ihc.png cell.png coins.png rocket.jpg hubble_deep_field.jpg retina.jpg astronaut.png camera.png; do
  [ -f "$D/$n" ] && copy_img $p "$D/$n" "${p}_$n"; done
# stellarium-data: deep-sky photographs (nebula/galaxy/cluster textures), >= MINSIDE
p=stellarium-data
for f in "$X/$p"/usr/share/stellarium/nebulae/default/*.png; do
  copy_img $p "$f" "${p}_$(basename "$f")"; done

# ---- 16-bit selections: integer-valued FITS frames -> 16-bit grey PNG -------------
cat > "$WORK/fits2png16.py" <<'PY'
import sys, zlib, struct, array
def hdus(data):
    pos = 0
    while pos + 2880 <= len(data):
        d = {}; i = pos
        while i + 80 <= len(data):
            c = data[i:i+80].decode('ascii', 'replace'); i += 80
            k = c[:8].strip()
            if k == 'END': break
            if c[8:10] == '= ' and k not in d:
                v = c[10:]
                v = (v.strip().split("'")[1] if v.strip().startswith("'") else v.split('/')[0]).strip()
                d[k] = v
        off = ((i + 2879) // 2880) * 2880
        bp = int(d.get('BITPIX', '8')); n = int(d.get('NAXIS', '0'))
        ax = [int(d.get('NAXIS%d' % j, '0')) for j in range(1, n + 1)]
        size = 0
        if n:
            size = abs(bp) // 8
            for a in ax: size *= a
            size = (size + int(d.get('PCOUNT', '0'))) * int(d.get('GCOUNT', '1'))
        yield d, off, ax, bp
        pos = off + ((size + 2879) // 2880) * 2880
def convert(src, hdu, dst):
    data = open(src, 'rb').read()
    d, off, ax, bp = list(hdus(data))[hdu]
    if len(ax) != 2: raise SystemExit('%s: not a 2-D image' % src)
    w, h = ax; n = w * h
    bscale = float(d.get('BSCALE', '1') or 1); bzero = float(d.get('BZERO', '0') or 0)
    raw = data[off:off + n * abs(bp) // 8]
    if bp == 16 and bscale == 1 and bzero == 32768:          # unsigned 16-bit: flip sign bit
        b = bytearray(raw); b[0::2] = bytes(b[0::2]).translate(bytes((x ^ 0x80) for x in range(256)))
        be = bytes(b)
        vals = array.array('H'); vals.frombytes(be); vals.byteswap()
        lo, hi = min(vals), max(vals); shift = 0
    else:
        code = {16: 'h', 32: 'i', -32: 'f', -64: 'd'}[bp]
        a = array.array(code); a.frombytes(raw); a.byteswap()
        phys = [v * bscale + bzero for v in a]
        if any(v != v or v != int(v) for v in phys): raise SystemExit('%s: not integer-valued' % src)
        lo, hi = int(min(phys)), int(max(phys))
        if hi - lo > 65535: raise SystemExit('%s: range exceeds 16 bits' % src)
        shift = -lo if (lo < 0 or hi > 65535) else 0          # offset only when needed
        vals = array.array('H', (int(v) + shift for v in phys)); vals.byteswap()
        be = vals.tobytes(); vals.byteswap()
    stride = 2 * w
    rows = b''.join(b'\x00' + be[r*stride:(r+1)*stride] for r in range(h - 1, -1, -1))  # FITS row 1 = bottom
    def chunk(t, p): return struct.pack('>I', len(p)) + t + p + struct.pack('>I', zlib.crc32(t + p) & 0xffffffff)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 16, 0, 0, 0, 0)) \
        + chunk(b'IDAT', zlib.compress(rows, 6)) + chunk(b'IEND', b'')
    open(dst, 'wb').write(png)
    used = len(set(vals))
    print('%d %d %d %d %d %d' % (w, h, lo + shift, hi + shift, used, shift))
if __name__ == '__main__':
    convert(sys.argv[1], int(sys.argv[2]), sys.argv[3])
PY
p=eso-midas-testdata
D="$X/$p/usr/lib/eso-midas/22FEB/test/prim"
# file:hdu:name  (thar5s = ThAr echelle arc; wcstest = DSS Palomar Schmidt plate scan;
# HeAr_gr2_extr = NTT HeAr arc, float but integer-valued. Not badfitskeys.mt: 77% clipped at 65535)
for spec in thar5s.fit:0:thar_echelle wcstest.mt:0:dss_palomar HeAr_gr2_extr.fits:0:ntt_hear_arc; do
  IFS=: read -r f hdu name <<<"$spec"
  dst="$OUT/img16/${p}_${name}.png"
  if res=$(python3 "$WORK/fits2png16.py" "$D/$f" "$hdu" "$dst"); then
    read -r w h lo hi used shift <<<"$res"
    if [ "$w" -lt "$MINSIDE" ] || [ "$h" -lt "$MINSIDE" ]; then rm -f "$dst"; SKIPPED_SMALL=$((SKIPPED_SMALL+1)); continue; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t16\tgray\tFITS->PNG (values %s..%s, %s distinct, offset %s, rows flipped)\tno\n' \
      "img16/${p}_${name}.png" $p "${VER[$p]}" "/usr/lib/eso-midas/22FEB/test/prim/$f[$hdu]" "$w" "$h" "$lo" "$hi" "$used" "$shift" >> "$MAN"
  else echo "skip (fits): $f" >&2; fi
done

# ---- summary ----------------------------------------------------------------------
printf '%-6s %-30s %6s %9s %6s\n' depth package images MP jpeg
echo "package versions:" >&2; for p in "${PKGS[@]}"; do echo "  $p ${VER[$p]}" >&2; done
awk -F'\t' 'NR>1 { d=($7>=16)?"16":"8"; k=d"\t"$2; n[k]++; mp[k]+=$5*$6/1e6; if($10=="yes") j[k]++;
            N[d]++; MP[d]+=$5*$6/1e6; if($10=="yes") J[d]++ }
     END { for (k in n) { split(k,a,"\t"); printf "%-6s %-30s %6d %9.1f %6d\n", a[1]"-bit", a[2], n[k], mp[k], j[k] }
           for (d in N) printf "TOTAL %s-bit: %d images, %.1f megapixels (%d JPEG)\n", d, N[d], MP[d], J[d] }' "$MAN" | sort
echo "skipped: $SKIPPED_TEST test-set images, $SKIPPED_SMALL smaller than ${MINSIDE}px"
echo "manifest: $MAN"
