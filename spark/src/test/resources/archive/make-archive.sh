#!/usr/bin/env bash
# Regenerates the committed test archive: 20 small crops of real images and recordings from
# ../shared/data (sources in its SOURCES.md), in the layouts an archive holds (8- and 16-bit PNG and
# TIFF, 16- and 24-bit WAV, folders, a name with a space), and one corrupt file (a PNG cut short).
# Images are cut by ImageMagick, audio by Python's wave module: encoders independent of INRKit.
# Run by hand from this folder; the tests only read the committed files.
#   DATA=/path/to/shared/data ./make-archive.sh
set -euo pipefail
CONVERT=${CONVERT:-/usr/bin/convert}
D=${DATA:-../../../../../../shared/data}
rm -rf photos scans audio broken.png
mkdir -p photos/kodak "photos/more photos" scans audio/drums
i=0
for k in 01 02 03 04 05 06 07; do
  "$CONVERT" "$D/img8/kodim$k.png" -crop 40x32+$((200 + 20 * i))+$((150 + 10 * i)) +repage -strip PNG24:photos/kodak/kodim$k.png
  i=$((i + 1))
done
"$CONVERT" "$D/img8/kodim08.png" -crop 40x32+300+200 +repage -strip -compress LZW "photos/more photos/kodim08.tif"
"$CONVERT" "$D/img8/kodim09.png" -crop 40x32+200+300 +repage -strip -compress LZW "photos/more photos/kodim09.tif"
"$CONVERT" "$D/img8/skimage_camera.png" -crop 40x32+240+110 +repage -strip -define png:color-type=0 -define png:bit-depth=8 photos/camera.png
"$CONVERT" "$D/img16/m51_imagej_gray16.png" -crop 40x32+140+240 +repage -strip -define png:color-type=0 -define png:bit-depth=16 scans/m51.png
"$CONVERT" "$D/img16/hela_cells_imagej_rgb16.png" -crop 40x32+200+200 +repage -strip PNG48:scans/hela.png
"$CONVERT" "$D/img16/jxl_hdr_room_rgb16.png" -crop 40x32+300+200 +repage -strip PNG48:scans/room.png
"$CONVERT" "$D/img16/wesaturate64_cvo9xd_keong_macan_2020_g1.png" +repage -crop 40x32+12+16 +repage -strip PNG48:scans/wesaturate.png
"$CONVERT" "$D/img16/rawpixls_Nikon-D300-12bit_2020_g1_dt.png" +repage -crop 40x32+12+16 +repage -strip -depth 16 -compress LZW scans/nikon.tif
"$CONVERT" "$D/img16/m51_imagej_gray16.png" -crop 40x32+100+100 +repage -strip -depth 16 -compress LZW scans/m51-b.tif
python3 - "$D/audio" <<'PY'
import sys, wave
src = sys.argv[1]
cuts = [("sonicpi_ambi_piano_16bit.wav", "audio/piano.wav"), ("sonicpi_loop_tabla_16bit.wav", "audio/tabla.wav"),
        ("h2forzee_Kick-0_24bit.wav", "audio/drums/kick.wav"), ("h2forzee_Snare-0_24bit.wav", "audio/drums/snare.wav")]
for name, out in cuts:
    with wave.open(f"{src}/{name}") as w:
        w.readframes(2000)
        frames = w.readframes(3000)
        with wave.open(out, "wb") as o:
            o.setnchannels(w.getnchannels()); o.setsampwidth(w.getsampwidth()); o.setframerate(w.getframerate())
            o.writeframes(frames)
PY
head -c 300 photos/kodak/kodim01.png > broken.png
