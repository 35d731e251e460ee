#!/usr/bin/env python3
"""A local SMTP receiver for the Delivery tests (aiosmtpd; `pip install aiosmtpd`).

Usage: python3 scripts/smtp-sink.py PORT OUTDIR [--reject ADDRESS]... [--auth USER:PASSWORD]
                                     [--auth-exclude MECHANISM]... [--no-ehlo]

Listens on 127.0.0.1:PORT (0: a free port) and writes every message it accepts as OUTDIR/N.eml
(N = 1, 2, ...: the bytes after DATA, dot-unstuffed, exactly as received), with OUTDIR/N.json beside it
({"mail_from": ..., "rcpt_tos": [...], "login": ...}). The .json is written after the .eml, each by a
rename, so a reader that sees N.json can read both whole.
Prints "ready PORT" on stdout (flushed) once listening; exits 0 on SIGTERM or SIGINT.

  --reject ADDRESS     answer "550 5.1.1 no such user" to RCPT TO:<ADDRESS> (repeatable)
  --auth USER:PASSWORD offer AUTH PLAIN/LOGIN on the plain connection and require it before MAIL
  --auth-exclude MECH  don't offer that AUTH mechanism (e.g. PLAIN, to make a client use LOGIN)
  --no-ehlo            answer EHLO with "502 5.5.1 EHLO not implemented" (an old server: HELO only)
"""
import argparse
import asyncio
import json
import os
import signal
import sys

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    sys.exit("smtp-sink: aiosmtpd is not installed (pip install aiosmtpd)")


class Sink:
    def __init__(self, outdir, reject, no_ehlo):
        self.outdir = outdir
        self.reject = {a.lower() for a in reject}
        self.no_ehlo = no_ehlo
        self.count = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # With this hook aiosmtpd leaves session.host_name to us (it gates MAIL on it).
        if self.no_ehlo:
            session.extended_smtp = False
            return ["502 5.5.1 EHLO not implemented"]
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        n = self.count
        login = session.auth_data if session.authenticated else None
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login}
        self._write(f"{n}.eml", envelope.original_content)
        self._write(f"{n}.json", json.dumps(meta, ensure_ascii=False).encode())
        return "250 OK message %d accepted" % n

    def _write(self, name, data):
        tmp = os.path.join(self.outdir, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(self.outdir, name))


def make_authenticator(user, password):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == user.encode() and auth_data.password == password.encode())
        return AuthResult(success=ok, handled=False, auth_data=user if ok else None)
    return authenticator


async def main():
    ap = argparse.ArgumentParser(description="local SMTP receiver for tests")
    ap.add_argument("port", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--reject", action="append", default=[], metavar="ADDRESS")
    ap.add_argument("--auth", metavar="USER:PASSWORD")
    ap.add_argument("--auth-exclude", action="append", default=[], metavar="MECHANISM")
    ap.add_argument("--no-ehlo", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)

    sink = Sink(a.outdir, a.reject, a.no_ehlo)
    kwargs = {"hostname": "smtp-sink", "decode_data": False}
    if a.auth:
        user, _, password = a.auth.partition(":")
        kwargs.update(auth_require_tls=False, auth_required=True,
                      authenticator=make_authenticator(user, password),
                      auth_exclude_mechanism=[m.upper() for m in a.auth_exclude])

    # A parent may start us with signals blocked (Foundation's Process, launched from a Dispatch
    # thread, passes its blocked mask on): unblock the ones we stop on, or SIGTERM would never arrive.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(sink, **kwargs), "127.0.0.1", a.port)
    port = server.sockets[0].getsockname()[1]
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(f"ready {port}", flush=True)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
