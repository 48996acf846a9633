package org.gridatlas.api.geoserver;

import java.util.List;
import java.util.Locale;

/** An SLD 1.0 style: polygons outlined or filled in household bands, labelled below a scale. */
record SldStyle(
        String stroke,
        double strokeWidth,
        String dashes,
        String bandProperty,
        List<Band> bands,
        String labelProperty,
        int labelMaxScale,
        int fontSize) {

    /** Fill for values in [min, max) (open where null). */
    record Band(String title, Integer min, Integer max, String fill) {}

    static SldStyle outline(String stroke, double width, String dashes, String label, int labelMaxScale, int fontSize) {
        return new SldStyle(stroke, width, dashes, null, List.of(), label, labelMaxScale, fontSize);
    }

    static SldStyle bands(
            String stroke,
            double width,
            String property,
            List<Band> bands,
            String label,
            int labelMaxScale,
            int fontSize) {
        return new SldStyle(stroke, width, null, property, bands, label, labelMaxScale, fontSize);
    }

    String xml(String name, String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                  <NamedLayer>
                    <Name>%s</Name>
                    <UserStyle>
                      <Title>%s</Title>
                      <FeatureTypeStyle>
                """.formatted(name, title));
        if (bands.isEmpty()) {
            sb.append("        <Rule>\n").append(polygon(null)).append("        </Rule>\n");
        }
        for (Band b : bands) {
            sb.append("        <Rule>\n          <Title>")
                    .append(b.title())
                    .append("</Title>\n          <ogc:Filter>")
                    .append(filter(b))
                    .append("</ogc:Filter>\n")
                    .append(polygon(b.fill()))
                    .append("        </Rule>\n");
        }
        sb.append("""
                        <Rule>
                          <MaxScaleDenominator>%d</MaxScaleDenominator>
                          <TextSymbolizer>
                            <Label><ogc:PropertyName>%s</ogc:PropertyName></Label>
                            <Font><CssParameter name="font-family">WenQuanYi Micro Hei</CssParameter><CssParameter name="font-size">%d</CssParameter></Font>
                            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
                          </TextSymbolizer>
                        </Rule>
                      </FeatureTypeStyle>
                    </UserStyle>
                  </NamedLayer>
                </StyledLayerDescriptor>
                """.formatted(labelMaxScale, labelProperty, fontSize));
        return sb.toString();
    }

    private String polygon(String fill) {
        StringBuilder sb = new StringBuilder("          <PolygonSymbolizer>\n");
        if (fill != null) {
            sb.append("            <Fill><CssParameter name=\"fill\">")
                    .append(fill)
                    .append("</CssParameter><CssParameter name=\"fill-opacity\">0.45</CssParameter></Fill>\n");
        }
        sb.append("            <Stroke><CssParameter name=\"stroke\">")
                .append(stroke)
                .append("</CssParameter><CssParameter name=\"stroke-width\">")
                .append(String.format(Locale.ROOT, "%s", strokeWidth))
                .append("</CssParameter>");
        if (dashes != null)
            sb.append("<CssParameter name=\"stroke-dasharray\">").append(dashes).append("</CssParameter>");
        return sb.append("</Stroke>\n          </PolygonSymbolizer>\n").toString();
    }

    private String filter(Band b) {
        String p = "<ogc:PropertyName>" + bandProperty + "</ogc:PropertyName>";
        String lower = b.min() == null
                ? null
                : "<ogc:PropertyIsGreaterThanOrEqualTo>" + p + "<ogc:Literal>" + b.min()
                        + "</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>";
        String upper = b.max() == null
                ? null
                : "<ogc:PropertyIsLessThan>" + p + "<ogc:Literal>" + b.max()
                        + "</ogc:Literal></ogc:PropertyIsLessThan>";
        if (lower == null) return upper;
        if (upper == null) return lower;
        return "<ogc:And>" + lower + upper + "</ogc:And>";
    }
}
