package org.mhaqi.evaluation.chart;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/** A chart's SVG drawn as a PNG image of the same size, for those who download a picture. */
public final class ChartPng {

  private ChartPng() {}

  public static byte[] of(String svg) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      new PNGTranscoder()
          .transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(png));
    } catch (TranscoderException e) {
      // Our own markup from our own template: failing to draw it is a bug, not bad input.
      throw new IllegalStateException("the chart's SVG could not be drawn as PNG", e);
    }
    return png.toByteArray();
  }
}
