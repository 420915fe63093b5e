// Cuts the Hubble eXtreme Deep Field picture that Debian's python3-skimage 0.19.3 ships
// (skimage/data/hubble_deep_field.jpg, 1000x872 RGB, NASA, public domain) into 64x64 single-band FITS tiles:
// luminance 0.299R + 0.587G + 0.114B, minus the picture's median (the sky), scaled so that the picture's
// pixel-to-pixel noise sigma (MAD of horizontal differences / sqrt 2) is 0.05 counts, the simulator's native sigma.
// The JPEG is a stretched 8-bit picture, not photometry: real morphology, approximate fluxes.
// Run: XDF=/path/hubble_deep_field.jpg OUT=/tmp/xdf jshell xdf_tiles.jsh
import java.awt.image.BufferedImage;
import java.io.*;
import java.nio.*;
import java.nio.file.*;
import javax.imageio.ImageIO;

BufferedImage im = ImageIO.read(new File(System.getenv("XDF")));
int W = im.getWidth(), H = im.getHeight();
double[] g = new double[W * H];
for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
    int p = im.getRGB(x, y);
    g[y * W + x] = 0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255);
}
double median(double[] a) { double[] c = a.clone(); java.util.Arrays.sort(c); return c[c.length / 2]; }
double sky = median(g);
double[] d = new double[(W - 1) * H];
for (int y = 0; y < H; y++) for (int x = 0; x + 1 < W; x++) d[y * (W - 1) + x] = g[y * W + x + 1] - g[y * W + x];
double md = median(d);
for (int i = 0; i < d.length; i++) d[i] = Math.abs(d[i] - md);
double sigma = 1.482602218505602 * median(d) / Math.sqrt(2);
double scale = 0.05 / sigma;
System.out.printf("sky %.2f DN, sigma %.3f DN, scale %.5f%n", sky, sigma, scale);
Path out = Paths.get(System.getenv("OUT"));
Files.createDirectories(out);
String card(String k, String v) { return String.format("%-8s= %20s", k, v) + " ".repeat(80 - 30); }
int n = 0;
for (int ty = 0; ty + 64 <= H; ty += 64) for (int tx = 0; tx + 64 <= W; tx += 64) {
    StringBuilder h = new StringBuilder();
    h.append(card("SIMPLE", "T")).append(card("BITPIX", "-32")).append(card("NAXIS", "2"))
     .append(card("NAXIS1", "64")).append(card("NAXIS2", "64"));
    h.append(String.format("%-80s", "END"));
    while (h.length() % 2880 != 0) h.append(' ');
    ByteBuffer bb = ByteBuffer.allocate(((64 * 64 * 4 + 2879) / 2880) * 2880).order(ByteOrder.BIG_ENDIAN);
    // FITS rows run bottom to top; the picture's run top to bottom: flip so that north stays up
    for (int y = 63; y >= 0; y--) for (int x = 0; x < 64; x++) bb.putFloat((float) ((g[(ty + y) * W + tx + x] - sky) * scale));
    try (OutputStream os = Files.newOutputStream(out.resolve(String.format("xdf-%02d-%02d.fits", ty / 64, tx / 64)))) {
        os.write(h.toString().getBytes("US-ASCII"));
        os.write(bb.array());
    }
    n++;
}
System.out.println("wrote " + n + " tiles to " + out);
/exit
