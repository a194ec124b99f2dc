#pragma once
// The `maple agent` protocol: JSON lines on the agent's stdin (requests) and stdout (replies),
// carried by a launcher the user already has (ssh, srun, adb shell). No daemon, no port.
//
//   -> {"op":"hello","protocol":2,"client":"maple 0.1.0"}   <- {"op":"hello","protocol":2,"maple":"...","hostname":"...",
//                                                                "host":{...}}
//   -> {"op":"detect"}                                       <- {"op":"detected","host":{...}}
//   -> {"op":"probe","events":[...]}                         <- {"op":"probed","counting":{...}}
//   -> {"op":"measure","space":"nb201","arch":"|...|","engine":"cpu",...}
//                                                            <- {"op":"progress",...}* {"op":"measured",...}
//      ("space": the search space of "arch", its canonical string; absent: nb201)
//   -> {"op":"capture","workload":"nb201-reference",...}     <- ({"op":"progress",...} | {"op":"samples","samples":[...]})*
//   (-> {"op":"stop"})                                          {"op":"captured","capture":{...},"readings":N,...}
//   any request may get                                      <- {"op":"error","kind":"bad_input","error":"..."}
// Both ends check the protocol version in hello: a mismatch is refused naming both versions. The
// hello's "host" is what detect answers, so a run needs no detect round trip (a client asks with
// detect when an agent leaves it out). The agent keeps nothing: every result goes back as soon as
// it is complete, and it exits at end of input (the launcher going away).
// Version 2 (version 1 sent a capture whole at its end, with no way to stop it):
// - capture: the time series streams as it is read, one "samples" line (at most kMaxSamplesLineBytes)
//   per interval's readings; "captured" carries the rest, without samples, and how many readings
//   were streamed. A "stop" line during a capture ends it early as a local Stop does: "captured"
//   with the steps completed so far, marked partial (an error of kind cancelled when none was).
//   A stop that arrives after the capture ended is ignored, without a reply.
// - measure: optional "space" (absent = nb201).
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace maple::remote {

inline constexpr int kProtocolVersion = 2;
inline constexpr const char* kMapleVersion = "maple 0.1.0";
inline constexpr std::size_t kMaxRequestBytes = 1u << 20; // a request is a few hundred bytes
inline constexpr std::size_t kMaxReplyBytes = 64u << 20;  // any reply line
inline constexpr std::size_t kMaxSamplesLineBytes = 256u << 10; // one interval's readings: a few kB

// One message as its wire line, without the newline (invalid UTF-8 replaced, never thrown).
std::string lineOf(const nlohmann::json& message);

// "protocol mismatch: ..." naming both versions and the fix.
std::string mismatchMessage(int agentVersion, int clientVersion);

// One line as a JSON object with a string "op": BadInput naming `what` otherwise (too deep, too
// long, not JSON, no op).
nlohmann::json parseMessage(std::string_view line, const std::string& what, std::size_t maxBytes);

// The error kinds on the wire and back (maple::ErrorKind values).
std::string kindName(int errorKind);
int kindFromName(const std::string& name);

} // namespace maple::remote
