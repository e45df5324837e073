/* chamber-fault-proxy.h — a loopback TCP proxy in front of a real chamberd that breaks chosen
 * requests on purpose, for the fault tests (issue 7) and for counting requests in benchmarks.
 *
 * It listens on 127.0.0.1:0 and forwards each request to the upstream server on a connection of
 * its own ("Connection: close" is put in the request, so every request the client sends is seen,
 * matched and counted here). A rule picks requests by path prefix and by their number among the
 * requests that prefix matched, and does one of: cut the answer (FIN) after N bytes of its body,
 * reset it (RST, SO_LINGER 0) after N bytes, stall it after N bytes until released, or answer
 * "HTTP/1.1 500" or bytes that are not HTTP instead of forwarding. It runs on threads of its own,
 * so a test may block in a synchronous sync run while the proxy serves it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CHAMBER_FAULT_CUT,       /* forward @after_bytes of the answer's body, then close (FIN) */
  CHAMBER_FAULT_RESET,     /* forward @after_bytes of the body, then reset (RST) */
  CHAMBER_FAULT_STALL,     /* forward @after_bytes of the body, then send nothing more until
                            * chamber_fault_proxy_release() (then close) */
  CHAMBER_FAULT_STATUS_500,/* answer "HTTP/1.1 500 Internal Server Error" without forwarding */
  CHAMBER_FAULT_GARBAGE,   /* answer bytes that are not HTTP, then close, without forwarding */
} ChamberFaultKind;

typedef struct _ChamberFaultProxy ChamberFaultProxy;

/* Starts a proxy to @upstream_url ("http://127.0.0.1:PORT"). Aborts the test on failure. */
ChamberFaultProxy *chamber_fault_proxy_new (const char *upstream_url);
/* Stops it: releases stalled answers, closes every connection and waits for its threads. */
void               chamber_fault_proxy_free (ChamberFaultProxy *proxy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberFaultProxy, chamber_fault_proxy_free)

/* "http://127.0.0.1:PORT" of the proxy: give it to the client. */
const char *chamber_fault_proxy_get_url (ChamberFaultProxy *proxy);
/* Forwards the next requests to another server (a restarted chamberd has a new port). */
void        chamber_fault_proxy_set_upstream (ChamberFaultProxy *proxy, const char *upstream_url);

/* Adds a rule: requests whose path starts with @path_prefix (NULL: every request) are counted,
 * and the @nth of them (1 for the first; 0 for every one) gets @kind; @after_bytes is for CUT,
 * RESET and STALL. Rules are tried in the order they were added; the first that fires wins. */
void  chamber_fault_proxy_add_rule (ChamberFaultProxy *proxy, ChamberFaultKind kind,
                                    const char *path_prefix, guint nth, gint64 after_bytes);
/* Removes every rule: from now on requests are forwarded untouched. */
void  chamber_fault_proxy_clear_rules (ChamberFaultProxy *proxy);

/* How many requests the proxy received whose path starts with @path_prefix (NULL: all). */
guint chamber_fault_proxy_count_requests (ChamberFaultProxy *proxy, const char *path_prefix);
/* How many faults the rules have applied so far. */
guint chamber_fault_proxy_count_faults (ChamberFaultProxy *proxy);

/* Waits until an answer is stalled by a STALL rule; FALSE when none is after @timeout_ms. */
gboolean chamber_fault_proxy_wait_stalled (ChamberFaultProxy *proxy, guint timeout_ms);
/* Lets every stalled answer go: its connection is closed (the client sees it cut). */
void     chamber_fault_proxy_release (ChamberFaultProxy *proxy);

G_END_DECLS
