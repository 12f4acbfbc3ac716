#!/usr/bin/env python3
"""A stand-in OpenAI-compatible chat completions server for trying the model reasoner without a model.

It answers each of the reasoner's three requests with a fixed, schema-valid proposal: triage proposes "high", the step
choice takes the first candidate, and the summary writes a narrative with hypotheses citing the findings in the data.
Usage is reported at four characters a token. It measures plumbing and cost, not judgement.

    python3 scripts/model-standin.py 8089 &
    AGENTICIR_LLM_BASE_URL=http://127.0.0.1:8089/v1 AGENTICIR_LLM_MODEL=stand-in agentic-ir eval corpus.jsonl
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DATA_OPEN = '<<<ALERT_DATA type="application/json">>>'
DATA_CLOSE = "<<<END_ALERT_DATA>>>"


def data_section(text):
    start, end = text.find(DATA_OPEN), text.find(DATA_CLOSE)
    if start < 0 or end < 0:
        return {}
    try:
        return json.loads(text[start + len(DATA_OPEN):end])
    except ValueError:
        return {}


def answer(user):
    if "Explain this triage decision" in user:
        return {"explanation": "The alert's signals and the asset context support the rules' assessment.",
                "severity": "high", "reasons": ["stand-in: always proposes high"]}
    if "Choose the most useful next investigation step" in user:
        return {"choice": "c1", "reason": "the first candidate is the rules' highest priority"}
    findings = [f.get("id") for f in (data_section(user).get("findings") or []) if f.get("id")]
    hypotheses = [{"text": "The first finding explains the alert.", "evidence": findings[:2]}] if findings else []
    return {"summary": "An alert was triaged, investigated and a response planned under the policy.",
            "narrative": "The investigation looked up the alert's indicators and recorded what each source said.",
            "hypotheses": hypotheses}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        messages = body.get("messages", [])
        user = next((m.get("content", "") for m in messages if m.get("role") == "user"), "")
        content = json.dumps(answer(user if isinstance(user, str) else json.dumps(user)))
        prompt_chars = sum(len(m.get("content", "") if isinstance(m.get("content"), str) else json.dumps(m.get("content"))) for m in messages)
        reply = {
            "id": "chatcmpl-standin", "object": "chat.completion", "created": 0, "model": body.get("model", "stand-in"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": prompt_chars // 4, "completion_tokens": len(content) // 4,
                      "total_tokens": prompt_chars // 4 + len(content) // 4},
        }
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8089), Handler).serve_forever()
