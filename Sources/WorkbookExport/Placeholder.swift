// Module WorkbookExport.
