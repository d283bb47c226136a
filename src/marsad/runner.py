"""Run the pipeline over input records; an unreadable record still yields a Document that says why."""

from __future__ import annotations

from marsad.document import Document, Source
from marsad.ingest.records import InputRecord
from marsad.pipeline import Pipeline


def document_for(record: InputRecord, pipeline: Pipeline) -> tuple[Document, str | None]:
    """(Document, error): the error is set, and the Document empty, when the record could not be read."""
    source = Source(path=record.path, url=record.url, outlet=record.outlet)
    if record.error or record.text is None:
        error = record.error or "no text in record"
        doc_id = record.id or record.path or "unreadable"
        return Document(doc_id=doc_id, source=source, title=record.title,
                        warnings=[*record.warnings, error]), error
    doc = pipeline.run(record.text, title=record.title, published=record.published, url=record.url,
                       outlet=record.outlet, doc_id=record.id, path=record.path,
                       warnings=record.warnings, clean=False)
    return doc, None
