import { encode as encodeJpeg } from 'jpeg-js';
import { PNG } from 'pngjs';
import { crc32 } from 'node:zlib';

/** A real PNG of the given size (a colour gradient, so it is not trivially compressible). */
export function pngOf(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = (x * 7) & 255;
      png.data[i + 1] = (y * 5) & 255;
      png.data[i + 2] = ((x ^ y) * 3) & 255;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A real baseline JPEG of the given size. */
export function jpegOf(width: number, height: number, quality = 80): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = (i * 13) & 255;
    data[i * 4 + 1] = (i * 7) & 255;
    data[i * 4 + 2] = (i * 3) & 255;
    data[i * 4 + 3] = 255;
  }
  return encodeJpeg({ data, width, height }, quality).data;
}

/** A PNG padded with an ancillary chunk to pass a byte size (still a valid PNG of that size). */
export function pngPaddedTo(width: number, height: number, bytes: number): Buffer {
  const base = pngOf(width, height);
  const iend = base.subarray(base.length - 12);
  const pad = Math.max(0, bytes - base.length - 12);
  const chunk = Buffer.alloc(12 + pad);
  chunk.writeUInt32BE(pad, 0);
  chunk.write('tEXt', 4, 'ascii');
  chunk.write('Comment\0', 8, 'latin1');
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + pad)), 8 + pad);
  return Buffer.concat([base.subarray(0, base.length - 12), chunk, iend]);
}
