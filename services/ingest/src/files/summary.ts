import type { Rejection } from '../errors.ts';

/** How many refusals a summary and an error.json list; the count covers all of them. */
export const MAX_LISTED_REJECTIONS = 200;

/** An article taken from a file. */
export interface FileArticle {
  id: string;
  duplicate: boolean;
  title?: string;
  /** JSONL line. */
  line?: number;
}

/** What happened to one input file. */
export interface FileSummary {
  /** The path as reported: relative to the inbox, or as given to the CLI. */
  path: string;
  /**
   * `processed`: every article published (or a duplicate); `rejected`: the file was refused; `partial`: some
   * items were refused and the rest published; `gone`: the file vanished before it could be read, or a version
   * that was refused was replaced while being read (the new one is read on the next pass).
   */
  status: 'processed' | 'rejected' | 'partial' | 'gone';
  articles: FileArticle[];
  /** Number of articles published or found to be duplicates (also when `articles` is capped). */
  articleCount: number;
  /** How many of them were duplicates. */
  duplicateCount: number;
  rejections: Rejection[];
  rejectedCount: number;
  /** Where the file was moved, when it was. */
  movedTo?: string;
}

/** A summary of a file that vanished before it could be read. */
export const goneSummary = (path: string): FileSummary => ({
  path,
  status: 'gone',
  articles: [],
  articleCount: 0,
  duplicateCount: 0,
  rejections: [],
  rejectedCount: 0,
});

/** Collects articles and refusals of one file, keeping memory bounded for huge JSONL files. */
export class SummaryBuilder {
  readonly articles: FileArticle[] = [];
  readonly rejections: Rejection[] = [];
  articleCount = 0;
  duplicateCount = 0;
  rejectedCount = 0;
  readonly #maxArticles: number;

  constructor(maxListedArticles: number) {
    this.#maxArticles = maxListedArticles;
  }

  addArticle(article: FileArticle): void {
    this.articleCount++;
    if (article.duplicate) this.duplicateCount++;
    if (this.articles.length < this.#maxArticles) this.articles.push(article);
  }

  addRejection(rejection: Rejection): void {
    this.rejectedCount++;
    if (this.rejections.length < MAX_LISTED_REJECTIONS) this.rejections.push(rejection);
  }
}
