import Foundation
import UnionHallPlatform

/// The report as Office Open XML (.docx): a heading per section, each figure a hyperlink to the
/// list that counts it, the year before in brackets; written with the xlsx machinery's archive.
enum AnnualReportDocx {
    static func data(_ report: AnnualReport, previousLabel: String) throws -> Data {
        var links: [String] = []
        func link(_ href: String) -> String {
            links.append(href)
            return "rIdLink\(links.count)"
        }
        func run(_ text: String, bold: Bool = false, style: String? = nil) -> String {
            let properties = [bold ? "<w:b/>" : nil, style.map { "<w:rStyle w:val=\"\($0)\"/>" }].compactMap { $0 }.joined()
            return "<w:r>\(properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")"
                + "<w:t xml:space=\"preserve\">\(OfficeArchive.escaped(text))</w:t></w:r>"
        }
        func paragraph(_ runs: String, style: String? = nil) -> String {
            "<w:p>\(style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "")\(runs)</w:p>"
        }
        var body = paragraph(run(report.title, bold: true), style: "Title")
        if let introduction = report.introduction { body += paragraph(run(introduction)) }
        for (index, section) in report.sections.enumerated() {
            body += paragraph(run("\(index + 1). \(section.title)", bold: true), style: "Heading1")
            var sentence = ""
            for (number, figure) in section.figures.enumerated() {
                sentence += run(figure.label + " ")
                sentence += "<w:hyperlink r:id=\"\(link(figure.href))\">\(run(figure.value, bold: true, style: "Hyperlink"))</w:hyperlink>"
                let change = figure.change.isEmpty ? "" : "，\(figure.change)"
                sentence += run("（\(previousLabel)\(figure.previous)\(change)）" + (number == section.figures.count - 1 ? "。" : "；"))
            }
            if !sentence.isEmpty { body += paragraph(sentence) }
            for highlight in section.highlights { body += paragraph(run(highlight)) }
            if let words = section.paragraph { body += paragraph(run(words)) }
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" \
            w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
        let relationships =
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
            Target="styles.xml"/>
            """
            + links.enumerated().map { index, href in
                "<Relationship Id=\"rIdLink\(index + 1)\" "
                    + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
                    + "Target=\"\(OfficeArchive.escaped(href))\" TargetMode=\"External\"/>"
            }.joined() + "</Relationships>"
        return try OfficeArchive.zip([
            (
                "[Content_Types].xml",
                OfficeArchive.contentTypes([
                    ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
                    ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
                ])
            ),
            ("_rels/.rels", OfficeArchive.rootRelationships(main: "word/document.xml")),
            ("word/document.xml", Data(document.utf8)), ("word/_rels/document.xml.rels", Data(relationships.utf8)),
            ("word/styles.xml", Data(styles.utf8)),
        ])
    }

    static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="SimSun" w:eastAsia="SimSun" w:hAnsi="SimSun"/>\
        <w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr>\
        <w:rPr><w:sz w:val="36"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:spacing w:before="240"/></w:pPr>\
        <w:rPr><w:sz w:val="28"/></w:rPr></w:style>\
        <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/>\
        </w:rPr></w:style>\
        </w:styles>
        """
}
