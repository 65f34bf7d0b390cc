import CXLSXWriter
import Foundation

/// Document properties written to `docProps/core.xml` and `docProps/app.xml`.
///
/// The creation date is always set explicitly: libxlsxwriter otherwise stamps `time(NULL)` into
/// `dcterms:created` and `dcterms:modified`, which is the only thing that differs between two runs
/// of the same calls. The default is a fixed date so that output is reproducible unless the caller
/// deliberately chooses otherwise.
public struct XLSXDocumentProperties: Equatable, Sendable {
  /// The default creation date, 2000-01-01T00:00:00Z.
  public static let pinnedCreationDate = Date(timeIntervalSince1970: 946_684_800)

  public var title: String?
  public var subject: String?
  public var author: String?
  public var company: String?
  public var comments: String?
  public var keywords: String?
  /// Written (in UTC, whole seconds) as both created and modified date. Must be after 1970-01-01,
  /// because libxlsxwriter reads 0 as "use the current time".
  public var created: Date

  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
    comments: String? = nil, keywords: String? = nil, created: Date = pinnedCreationDate
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.company = company
    self.comments = comments
    self.keywords = keywords
    self.created = created
  }

  /// Hands the properties to libxlsxwriter, which copies every string before returning.
  func apply(to workbook: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
    let call = "workbook_set_properties"
    let seconds = created.timeIntervalSince1970.rounded(.down)
    guard seconds >= 1, seconds < 253_402_300_800 else {  // before year 10000
      throw XLSXError(
        .invalidArgument, message: "creation date must lie between 1970 and 9999", call: call)
    }
    let strings = CStringBag()
    var properties = lxw_doc_properties()
    properties.title = strings.copy(title)
    properties.subject = strings.copy(subject)
    properties.author = strings.copy(author)
    properties.company = strings.copy(company)
    properties.comments = strings.copy(comments)
    properties.keywords = strings.copy(keywords)
    properties.created = time_t(seconds)
    let result = withExtendedLifetime(strings) { workbook_set_properties(workbook, &properties) }
    try check(result, CallSite(call: call))
  }
}
