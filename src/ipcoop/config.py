"""One Settings object: the only place that reads the environment."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting ipcoop reads, with its environment variable IPCOOP_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="IPCOOP_", extra="ignore")

    database_url: str = Field(
        default="",
        description="SQLAlchemy URL; empty means the SQLite file ipcoop.sqlite3 in data_dir.",
    )
    data_dir: Path = Field(
        default=Path("var"), description="Folder for the embedded database and stored originals."
    )
    max_upload_bytes: int = Field(
        default=50 * 1024 * 1024, description="Files larger than this are rejected, unread."
    )
    review_threshold: float = Field(
        default=0.7, description="Activities whose confidence is below this are marked for review."
    )
    page_size: int = Field(default=50, description="Default number of items per page.")
    max_archive_bytes: int = Field(
        default=256 * 1024 * 1024,
        description="A DOCX (a ZIP archive) that inflates to more than this is rejected.",
    )
    max_archive_members: int = Field(
        default=10_000, description="A DOCX with more files than this inside is rejected."
    )
    max_pdf_pages: int = Field(default=500, description="A PDF with more pages is rejected.")
    max_blocks: int = Field(
        default=100_000,
        description="A document of more blocks (paragraphs, list items, table rows) is rejected.",
    )
    max_characters: int = Field(
        default=10_000_000, description="A document of more characters of text is rejected."
    )
    max_read_seconds: int = Field(
        default=120, description="Reading and extracting one document may take this long."
    )
    max_read_memory_bytes: int = Field(
        default=1024 * 1024 * 1024,
        description="Reading and extracting one document may use this much memory.",
    )

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to an SQLite file under data_dir (created on demand)."""
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{(self.data_dir / 'ipcoop.sqlite3').resolve()}"


@cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
