import Foundation

/// The fixed parts of the package: content types, relationships, document properties and
/// xl/workbook.xml, plus the XML helpers the other parts share.
enum XMLPart {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A finite number as XML Schema's xsd:double lexical form: shortest round-trip digits,
    /// no trailing ".0", upper-case exponent ("1E-05"), no negative zero.
    static func number(_ d: Double) -> String {
        if d == 0 { return "0" }
        var s = String(d)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s.uppercased()
    }

    static func contentTypes(sheetCount: Int) -> String {
        var out = declaration
        out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for i in 1...sheetCount {
            out += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        out += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        out += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        out += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        out += "</Types>"
        return out
    }

    static let rootRelationships = declaration + """
        <Relationships xmlns="\(packageRelationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(officeRelationshipType)/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="\(officeRelationshipType)/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    /// Worksheets are rId1…rIdN, then styles and shared strings.
    static func workbookRelationships(sheetCount: Int) -> String {
        var out = declaration + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
        for i in 1...sheetCount {
            out += "<Relationship Id=\"rId\(i)\" Type=\"\(officeRelationshipType)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(officeRelationshipType)/styles\" Target=\"styles.xml\"/>"
        out += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(officeRelationshipType)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        out += "</Relationships>"
        return out
    }

    /// xl/workbook.xml: the sheets in order, and per sheet the hidden filter range and the rows
    /// repeated at the top of each printed page (the frozen ones).
    static func workbook(names: [String], sheets: [Sheet]) -> String {
        var out = declaration
        out += "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
        out += "<bookViews><workbookView activeTab=\"0\"/></bookViews>"
        out += "<sheets>"
        for (i, name) in names.enumerated() {
            let state = sheets[i].hidden ? " state=\"hidden\"" : ""
            out += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(i + 1)\"\(state) r:id=\"rId\(i + 1)\"/>"
        }
        out += "</sheets>"
        var defined: [String] = []
        for (i, sheet) in sheets.enumerated() {
            let layout = SheetLayout(sheet)
            let quoted = SheetName.quotedForFormula(names[i])
            if let f = layout.filterRange(columns: sheet.columns.count) {
                let ref = CellReference.absoluteRange(fromColumn: f.fromColumn, row: f.fromRow, toColumn: f.toColumn, row: f.toRow)
                defined.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">\(XMLText.escape(quoted + "!" + ref))</definedName>")
            }
        }
        for (i, sheet) in sheets.enumerated() {
            let layout = SheetLayout(sheet)
            if layout.frozenRows > 0 {
                let quoted = SheetName.quotedForFormula(names[i])
                defined.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(XMLText.escape(quoted + "!$1:$\(layout.frozenRows)"))</definedName>")
            }
        }
        if !defined.isEmpty { out += "<definedNames>" + defined.joined() + "</definedNames>" }
        out += "</workbook>"
        return out
    }

    static func app(names: [String]) -> String {
        var out = declaration
        out += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        out += "<Application>Guatu</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        out += "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\">"
        out += "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>\(names.count)</vt:i4></vt:variant>"
        out += "</vt:vector></HeadingPairs>"
        out += "<TitlesOfParts><vt:vector size=\"\(names.count)\" baseType=\"lpstr\">"
        for name in names { out += "<vt:lpstr>\(XMLText.escape(name))</vt:lpstr>" }
        out += "</vt:vector></TitlesOfParts>"
        out += "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>"
        out += "</Properties>"
        return out
    }

    static func core(creator: String, created: Date) -> String {
        let formatter = ISO8601DateFormatter()   // 2026-11-26T08:00:00Z
        let when = formatter.string(from: created)
        let who = XMLText.escape(creator)
        var out = declaration
        out += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        out += "<dc:creator>\(who)</dc:creator><cp:lastModifiedBy>\(who)</cp:lastModifiedBy>"
        out += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(when)</dcterms:created>"
        out += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(when)</dcterms:modified>"
        out += "</cp:coreProperties>"
        return out
    }
}
