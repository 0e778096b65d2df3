/** Node-only helpers of the language (file system): shells running on Node import them, the core never does. */
export * from './config-files.js';
