package org.mhaqi.evaluation.chart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG document parsed as XML, asked with XPath (element names local, namespace ignored). */
record Svg(Document document) {

  static Svg parse(String svg) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return new Svg(
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + svg, e);
    }
  }

  /** Elements matching an XPath over local names, e.g. {@code //*[local-name()='circle']}. */
  List<Element> all(String xpath) {
    try {
      NodeList nodes =
          (NodeList)
              XPathFactory.newInstance()
                  .newXPath()
                  .evaluate(xpath, document, XPathConstants.NODESET);
      List<Element> elements = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        elements.add((Element) nodes.item(i));
      }
      return elements;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  List<Element> elements(String localName) {
    return all("//*[local-name()='" + localName + "']");
  }

  List<Element> withClass(String localName, String cssClass) {
    return all(
        "//*[local-name()='"
            + localName
            + "' and contains(concat(' ', @class, ' '), ' "
            + cssClass
            + " ')]");
  }

  Element root() {
    return document.getDocumentElement();
  }
}
