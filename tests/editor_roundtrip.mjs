// Load and save files through Decap CMS's own formats, as the editor does when it opens and saves an entry:
// decap-cms-core's yaml.js for data/*.yml, its frontmatter.js (FrontmatterInfer) for Markdown pages.
// Usage: node editor_roundtrip.mjs FOLDER FILE... (paths relative to FOLDER, rewritten in place).
import { readFileSync, writeFileSync } from "node:fs";
import { register } from "node:module";
import { join } from "node:path";

// decap-cms-core's ES modules import files (its own, lodash/get …) without the ".js" that Node needs: add it.
const hook = `export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); }
  catch (error) { if (!specifier.endsWith(".js")) return next(specifier + ".js", context); throw error; }
}`;
register("data:text/javascript," + encodeURIComponent(hook));

const formats = new URL("../node_modules/decap-cms-core/dist/esm/formats/", import.meta.url);
const yaml = (await import(new URL("yaml.js", formats))).default;
const { FrontmatterInfer } = await import(new URL("frontmatter.js", formats));

const [folder, ...files] = process.argv.slice(2);
for (const file of files) {
  const path = join(folder, file);
  const text = readFileSync(path, "utf8");
  const format = file.endsWith(".md") ? FrontmatterInfer : yaml;
  writeFileSync(path, format.toFile(format.fromFile(text)));
}
