/**
 * The data files as the server loads them, once per test process, and the analysis context of an
 * article nobody annotated: what core tests pass to the analysis and the language service.
 */
import { plainContext } from '../../server/src/core/analysis';
import { createArticleService } from '../../server/src/core/languageService';
import { loadDefaultResources } from '../../server/src/diskData';

export const resources = loadDefaultResources();
export const context = plainContext(resources);
export const recognizer = resources.recognizer;
export const names = resources.names;

/** A fresh language service over the shipped data. */
export const newService = () => createArticleService(resources);
