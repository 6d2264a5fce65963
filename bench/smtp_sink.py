#!/usr/bin/env python3
"""A slow SMTP sink for the mail benchmarks: accepts every message after DELAY seconds and appends one
line per received message ("<recipient> <Message-ID> <Subject>") to LOG. No dependencies beyond the standard library.
Usage: smtp_sink.py PORT LOG [DELAY_SECONDS]"""
import socketserver
import sys
import threading
import time

PORT, LOG = int(sys.argv[1]), sys.argv[2]
DELAY = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
lock = threading.Lock()


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink ESMTP")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("latin-1").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                message_id, subject = "-", "-"
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    if data.lower().startswith(b"message-id:"):
                        message_id = data.split(b":", 1)[1].strip().decode("latin-1")
                    elif data.lower().startswith(b"subject:") and subject == "-":
                        subject = data.split(b":", 1)[1].strip().decode("latin-1")
                # a slow mail server: the sender waits here, which is where a crash hurts
                time.sleep(DELAY)
                with lock, open(LOG, "a") as log:
                    for recipient in recipients:
                        log.write(f"{recipient} {message_id} {subject}\n")
                self.reply("250 queued")
            elif verb == "RSET":
                recipients = []
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    with Server(("127.0.0.1", PORT), Session) as server:
        server.serve_forever()
