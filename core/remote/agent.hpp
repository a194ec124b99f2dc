#pragma once
// `maple agent`: serves the protocol of remote/protocol.hpp on two file descriptors (stdin and
// stdout of the agent) until end of input. Keeps nothing: every result is written back as soon as
// it is complete. Stops the work in progress when its input goes away (the launcher was ended); a
// capture streams its readings as they are read and also ends early, keeping its steps, at a stop.
namespace maple::remote {

// Returns the process exit status: 0 at end of input, 2 after a protocol mismatch or a request
// line longer than kMaxRequestBytes. Any other bad request (not JSON, unknown op, bad fields) gets
// an error reply and the agent goes on serving.
int serveAgent(int inFd, int outFd);

} // namespace maple::remote
