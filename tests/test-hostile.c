/* test-hostile.c — hostile clients and pathological documents against a real chamberd and
 * chamberctl (issue 7): slow clients that hold connections while others must still be served,
 * oversized and malformed requests on the raw socket, and generated PDFs built to exhaust a
 * reader (deep nesting, an absurd image, thousands of pages, an endless content stream), each
 * checked with a bounded time and memory and a clear answer. After every attack the server
 * still answers an honest client. */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "chamber-test-util.h"

/* A raw TCP connection to the server at @url ("http://127.0.0.1:PORT"). */
static GSocketConnection *
connect_raw (const char *url)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GError) error = NULL;
  GSocketConnection *connection;

  connection = g_socket_client_connect_to_uri (client, url, 80, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
write_all (GSocketConnection *connection,
           const char        *data,
           gsize              len)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr (GError) error = NULL;

  /* The server may close the connection while a large request is still being written: that
   * is a refusal, not a failure of the test. */
  g_output_stream_write_all (out, data, len, NULL, NULL, &error);
  if (error != NULL)
    g_test_message ("write ended early: %s", error->message);
}

/* Reads what the server answers until it closes or @max bytes arrive; NULL-terminated. */
static char *
read_answer (GSocketConnection *connection,
             gsize              max)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GSocket *socket = g_socket_connection_get_socket (connection);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[4096];

  g_socket_set_timeout (socket, 30);
  while (bytes->len < max)
    {
      g_autoptr (GError) error = NULL;
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error);

      if (n <= 0)
        break;
      g_byte_array_append (bytes, buffer, (guint) n);
      /* One complete answer without a body is enough to judge. */
      if (g_strstr_len ((const char *) bytes->data, bytes->len, "\r\n\r\n") != NULL
          && g_strstr_len ((const char *) bytes->data, bytes->len, "Content-Length: 0") != NULL)
        break;
    }
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* An honest request on a new connection: GET /api/v1/me with the admin's token answers 200. */
static void
assert_still_serving (ChamberTestServer *server)
{
  g_autoptr (GSocketConnection) connection = connect_raw (server->url);
  g_autofree char *request = g_strdup_printf ("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n"
                                              "Authorization: Bearer %s\r\n"
                                              "Connection: close\r\n\r\n",
                                              server->admin_token);
  g_autofree char *answer = NULL;

  write_all (connection, request, strlen (request));
  answer = read_answer (connection, 1 << 20);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200"));
  g_assert_nonnull (strstr (answer, "\"admin\""));
}

/* Status code of the first answer line, or 0 when the server closed without answering. */
static guint
answer_status (const char *answer)
{
  if (!g_str_has_prefix (answer, "HTTP/1."))
    return 0;
  return (guint) g_ascii_strtoull (answer + strlen ("HTTP/1.1 "), NULL, 10);
}

/* Hundreds of clients that send half a request and then say nothing hold their connections;
 * every other client is still served, and the server recovers when they go. */
static void
test_slow_clients (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autoptr (GPtrArray) slow = g_ptr_array_new_with_free_func (g_object_unref);
  static const char partial[] = "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthoriz";
  const guint count = 300;

  for (guint i = 0; i < count; i++)
    {
      GSocketConnection *connection = connect_raw (server->url);

      write_all (connection, partial, sizeof partial - 1);
      g_ptr_array_add (slow, connection);
    }
  for (guint i = 0; i < 5; i++)
    assert_still_serving (server);

  /* A slow body: headers announce 1 MiB, a few bytes arrive, then silence. */
  {
    g_autoptr (GSocketConnection) connection = connect_raw (server->url);
    g_autofree char *request =
      g_strdup_printf ("POST /api/v1/sessions HTTP/1.1\r\nHost: localhost\r\n"
                       "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                       "Content-Length: 1048576\r\n\r\n{\"num",
                       server->admin_token);

    write_all (connection, request, strlen (request));
    assert_still_serving (server);
  }

  g_ptr_array_set_size (slow, 0);
  assert_still_serving (server);
}

/* Requests no HTTP client would send: each is answered with an error or the connection is
 * closed, and the server goes on serving. */
static void
test_malformed_requests (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autofree char *huge_header = NULL;
  g_autofree char *many_headers = NULL;
  g_autofree char *huge_path = NULL;
  g_autofree char *binary = NULL;
  GString *builder;
  struct {
    const char *name;
    const char *data;
    gsize       len;
  } cases[16];
  guint n = 0;

  builder = g_string_new ("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Big: ");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (builder, 'a');
  g_string_append (builder, "\r\n\r\n");
  huge_header = g_string_free (builder, FALSE);

  builder = g_string_new ("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (builder, "X-H%u: v\r\n", i);
  g_string_append (builder, "\r\n");
  many_headers = g_string_free (builder, FALSE);

  builder = g_string_new ("GET /api/v1/");
  for (guint i = 0; i < 200000; i++)
    g_string_append (builder, "../");
  g_string_append (builder, "etc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n");
  huge_path = g_string_free (builder, FALSE);

  binary = g_malloc (65536);
  for (guint i = 0; i < 65536; i++)
    binary[i] = (char) (i * 2654435761u >> 24);

#define ADD_CASE(n_, d_, l_) (cases[n].name = (n_), cases[n].data = (d_), cases[n++].len = (l_))
#define ADD_TEXT(n_, t_) ADD_CASE (n_, t_, strlen (t_))
  ADD_TEXT ("one huge header", huge_header);
  ADD_TEXT ("twenty thousand headers", many_headers);
  ADD_TEXT ("a 600 kB path of ../", huge_path);
  ADD_CASE ("64 KiB of binary", binary, 65536);
  ADD_TEXT ("a TLS hello on plain HTTP", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03");
  ADD_TEXT ("an unknown HTTP version", "GET /api/v1/me HTTP/9.9\r\nHost: localhost\r\n\r\n");
  ADD_TEXT ("no request line", "\r\n\r\n\r\n\r\n");
  ADD_TEXT ("a length past 64 bits", "POST /api/v1/sessions HTTP/1.1\r\nHost: l\r\n"
                                     "Content-Length: 99999999999999999999999\r\n\r\n");
  ADD_TEXT ("two different lengths", "POST /api/v1/sessions HTTP/1.1\r\nHost: l\r\n"
                                     "Content-Length: 2\r\nContent-Length: 9\r\n\r\n{}");
  ADD_TEXT ("a broken chunk size", "POST /api/v1/sessions HTTP/1.1\r\nHost: l\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
  ADD_TEXT ("a chunk larger than memory", "POST /api/v1/sessions HTTP/1.1\r\nHost: l\r\n"
                                          "Transfer-Encoding: chunked\r\n\r\n"
                                          "ffffffffffffffff\r\n{}\r\n");
  ADD_TEXT ("a NUL in the path", "GET /api/v1/blobs/\0/../../x HTTP/1.1\r\nHost: l\r\n\r\n");
  ADD_TEXT ("an encoded traversal", "GET /api/v1/blobs/..%2f..%2f..%2fetc%2fpasswd HTTP/1.1\r\n"
                                    "Host: l\r\n\r\n");
  ADD_TEXT ("an absolute URI to another host",
            "GET http://evil.example/api/v1/me HTTP/1.1\r\nHost: evil.example\r\n\r\n");
#undef ADD_TEXT
#undef ADD_CASE

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GSocketConnection) connection = connect_raw (server->url);
      g_autofree char *answer = NULL;
      guint status;

      g_test_message ("%s", cases[i].name);
      write_all (connection, cases[i].data, cases[i].len);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      g_clear_object (&connection);

      /* Again, this time reading the answer: an error status or a closed connection. The
       * client says it has nothing more to send, as a real one would. */
      connection = connect_raw (server->url);
      write_all (connection, cases[i].data, cases[i].len);
      g_socket_shutdown (g_socket_connection_get_socket (connection), FALSE, TRUE, NULL);
      answer = read_answer (connection, 1 << 16);
      status = answer_status (answer);
      g_test_message ("  answered %u", status);
      g_assert_true (status == 0 || (status >= 400 && status < 600));
      /* Never a file from outside the data folder. */
      g_assert_null (strstr (answer, "root:"));
      assert_still_serving (server);
    }
}

/* Generated pathological PDFs. */

static void
write_file (const char *path,
            GString    *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents->str, (gssize) contents->len, &error);
  g_assert_no_error (error);
}

/* A PDF of @objects (each "N 0 obj ... endobj") with a cross-reference table that points at
 * them, so that poppler reads it as written rather than repairing it. */
static GString *
build_pdf (GPtrArray *objects)
{
  GString *pdf = g_string_new ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;

  for (guint i = 0; i < objects->len; i++)
    {
      gsize offset = pdf->len;

      g_array_append_val (offsets, offset);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1,
                              (const char *) g_ptr_array_index (objects, i));
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", objects->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          objects->len + 1, xref);
  return pdf;
}

/* One page whose content is @content (a content stream). */
static GString *
pdf_with_content (const char *content,
                  const char *resources)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (objects, g_strdup ("<< /Type /Catalog /Pages 2 0 R >>"));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
  g_ptr_array_add (objects, g_strdup_printf ("<< /Type /Page /Parent 2 0 R "
                                             "/MediaBox [0 0 595 842] /Contents 4 0 R "
                                             "/Resources << %s >> >>",
                                             resources != NULL ? resources : ""));
  g_ptr_array_add (objects, g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream",
                                             strlen (content), content));
  return build_pdf (objects);
}

static GString *
pdf_deep_nesting (void)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  GString *nest = g_string_new ("<< /Type /Catalog /Pages 2 0 R /Deep ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nest, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nest, ']');
  g_string_append (nest, " >>");
  g_ptr_array_add (objects, g_string_free (nest, FALSE));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
  return build_pdf (objects);
}

static GString *
pdf_many_pages (guint pages)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  GString *kids = g_string_new ("<< /Type /Pages /Kids [");

  g_ptr_array_add (objects, g_strdup ("<< /Type /Catalog /Pages 2 0 R >>"));
  for (guint i = 0; i < pages; i++)
    g_string_append_printf (kids, "%u 0 R ", i + 4);
  g_string_append_printf (kids, "] /Count %u >>", pages);
  g_ptr_array_add (objects, g_string_free (kids, FALSE));
  g_ptr_array_add (objects, g_strdup ("<< /Length 36 >>\nstream\nBT /F1 24 Tf 72 720 Td (Trang) Tj ET\nendstream"));
  for (guint i = 0; i < pages; i++)
    g_ptr_array_add (objects, g_strdup ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                                        "/Contents 3 0 R /Resources << /Font << /F1 << /Type "
                                        "/Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"));
  return build_pdf (objects);
}

/* Runs chamberctl with its address space and CPU time bounded (the bound on memory is left out
 * under AddressSanitizer, which reserves terabytes of address space up front). */
static int
run_bounded (const char *const *args,
             char              **out_stdout,
             char              **out_stderr)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  gboolean sanitized = g_getenv ("ASAN_OPTIONS") != NULL;

  g_ptr_array_add (argv, (gpointer) "prlimit");
  g_ptr_array_add (argv, (gpointer) "--cpu=60");
  if (!sanitized)
    g_ptr_array_add (argv, (gpointer) "--as=2147483648");
  g_ptr_array_add (argv, (gpointer) "--");
  g_ptr_array_add (argv, (gpointer) chamber_test_chamberctl_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return chamber_test_run ((const char *const *) argv->pdata, NULL, out_stdout, out_stderr);
}

static void
test_pathological_pdfs (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-hostile-XXXXXX");
  g_autoptr (GString) endless = g_string_new ("");
  g_autoptr (GString) nested_q = g_string_new ("");
  struct {
    const char *name;
    GString    *pdf;
    int         pages;   /* the page count when it opens */
    const char *refusal; /* when it may also be refused: words the message must hold */
  } cases[6];
  guint n = 0;

  for (guint i = 0; i < 200000; i++)
    g_string_append (endless, "0 0 m 595 842 l S ");
  for (guint i = 0; i < 100000; i++)
    g_string_append (nested_q, "q ");
  g_string_append (nested_q, "0 0 1 rg 10 10 100 100 re f");

  /* poppler bounds its recursion: the page opens, or the file is refused as damaged. */
  cases[n].name = "deep-nesting";
  cases[n].pdf = pdf_deep_nesting ();
  cases[n].pages = 1;
  cases[n++].refusal = "damaged";
  cases[n].name = "five-thousand-pages";
  cases[n].pdf = pdf_many_pages (5000);
  cases[n].pages = 5000;
  cases[n++].refusal = NULL;
  cases[n].name = "absurd-image";
  cases[n].pdf = pdf_with_content ("q 595 0 0 842 0 0 cm /Im1 Do Q",
                                   "/XObject << /Im1 << /Type /XObject /Subtype /Image "
                                   "/Width 2000000000 /Height 2000000000 /ColorSpace /DeviceRGB "
                                   "/BitsPerComponent 8 /Length 0 >> >>");
  cases[n].pages = 1;
  cases[n++].refusal = NULL;
  cases[n].name = "endless-content";
  cases[n].pdf = pdf_with_content (endless->str, NULL);
  cases[n].pages = 1;
  cases[n++].refusal = NULL;
  cases[n].name = "unbalanced-saves";
  cases[n].pdf = pdf_with_content (nested_q->str, NULL);
  cases[n].pages = 1;
  cases[n++].refusal = NULL;
  cases[n].name = "huge-mediabox";
  cases[n].pdf = pdf_with_content ("0 0 1 rg 0 0 1000000 1000000 re f",
                                   NULL);
  /* (the page size itself is set below) */
  g_string_replace (cases[n].pdf, "/MediaBox [0 0 595 842]", "/MediaBox [0 0 14400 14400]", 1);
  cases[n].pages = 1;
  cases[n++].refusal = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.pdf", dir, cases[i].name);
      g_autofree char *png = g_strdup_printf ("%s/%s.png", dir, cases[i].name);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *render_out = NULL;
      g_autofree char *render_err = NULL;
      int status;

      g_test_message ("%s", cases[i].name);
      write_file (path, cases[i].pdf);
      status = run_bounded ((const char *const[]) { "check", path, NULL }, &out, &err);
      g_test_message ("  check: exit %d, %s%s", status, out, err);
      /* Exit 0 (checked) or 1 (refused with a message): never a signal or the CPU limit. */
      if (status == 1 && cases[i].refusal != NULL)
        {
          g_autofree char *folded = g_utf8_strdown (err, -1);

          g_assert_nonnull (strstr (folded, cases[i].refusal));
          continue;
        }
      else
        {
          g_autofree char *pages = g_strdup_printf ("ok: %d page", cases[i].pages);

          g_assert_cmpint (status, ==, 0);
          g_assert_nonnull (strstr (out, pages));
        }

      status = run_bounded ((const char *const[]) { "render", path, "--page", "1", "--out", png,
                                                    NULL },
                            &render_out, &render_err);
      g_test_message ("  render: exit %d, %s%s", status, render_out, render_err);
      g_assert_cmpint (status, ==, 0);
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    }

  for (guint i = 0; i < n; i++)
    g_string_free (cases[i].pdf, TRUE);
  chamber_test_rm_rf (dir);
}

/* A negative Content-Length makes libsoup 3.2.2 itself warn ("value -5 … is invalid for property
 * content-length") before any handler of chamberd runs; the warning is libsoup's, so this server
 * runs without G_DEBUG=fatal-warnings, and the test checks what matters: a refusal and a server
 * that goes on serving. */
static void
test_negative_length (void)
{
  g_autoptr (ChamberTestServer) server = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("G_DEBUG"));
  static const char request[] = "POST /api/v1/sessions HTTP/1.1\r\nHost: l\r\n"
                                "Content-Length: -5\r\n\r\nabc";

  g_unsetenv ("G_DEBUG");
  server = chamber_test_server_start ();
  if (saved != NULL)
    g_setenv ("G_DEBUG", saved, TRUE);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (GSocketConnection) connection = connect_raw (server->url);
      g_autofree char *answer = NULL;
      guint status;

      write_all (connection, request, sizeof request - 1);
      answer = read_answer (connection, 1 << 16);
      status = answer_status (answer);
      g_assert_true (status == 0 || (status >= 400 && status < 500));
      assert_still_serving (server);
    }
}

/* One request on a new connection with the admin's token; the whole answer. */
static char *
admin_request (ChamberTestServer *server,
               const char        *method,
               const char        *path,
               const char        *body,
               gsize              body_length)
{
  g_autoptr (GSocketConnection) connection = connect_raw (server->url);
  g_autofree char *head = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: localhost\r\n"
                                           "Authorization: Bearer %s\r\n"
                                           "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                           "Connection: close\r\n\r\n",
                                           method, path, server->admin_token, body_length);

  write_all (connection, head, strlen (head));
  if (body_length > 0)
    write_all (connection, body, body_length);
  g_socket_shutdown (g_socket_connection_get_socket (connection), FALSE, TRUE, NULL);
  return read_answer (connection, 1 << 20);
}

/* The secretariat's desk (issue 6): every new endpoint with path ids built to traverse or
 * overflow, and bodies that are garbage, oversized or nested without end. Each is refused with
 * a 4xx, nothing changes, and the server keeps serving. */
static void
test_desk_inputs (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  static const char *const segments[] = {
    "..", "..%2f..%2fetc%2fpasswd", "%2e%2e", "0", "-1", "01", "1.0", "0x1",
    "99999999999999999999", "9223372036854775808", "1%00", "1;id", "%ff%fe", "",
  };
  static const struct {
    const char *method;
    const char *path;  /* %s the hostile segment */
  } routes[] = {
    { "PUT", "/api/v1/sessions/%s" },
    { "POST", "/api/v1/sessions/%s/copy-agenda" },
    { "PUT", "/api/v1/items/%s" },
    { "DELETE", "/api/v1/items/%s" },
    { "PUT", "/api/v1/people/%s" },
    { "GET", "/api/v1/people/%s/tokens" },
    { "POST", "/api/v1/people/import/%s" },
    { "POST", "/api/v1/documents/%s/publish" },
    { "POST", "/api/v1/items/%s/publish" },
    { "POST", "/api/v1/sessions/%s/publish" },
  };
  g_autofree char *binary = g_malloc (65536);
  g_autofree char *nested = NULL;
  g_autofree char *long_title = NULL;
  g_autofree char *many_fields = NULL;
  g_autofree char *open_quote = NULL;
  g_autofree char *items_before = NULL;
  g_autofree char *people_before = NULL;
  g_autofree char *created = NULL;
  struct {
    const char *name;
    const char *data;
    gsize       length;
  } bodies[8];
  guint n_bodies = 0;

  for (guint i = 0; i < 65536; i++)
    binary[i] = (char) (i * 2654435761u >> 24);
  nested = g_strnfill (200000, '[');
  long_title = g_strdup_printf ("{\"title\": \"%0*d\"}", 2 * 1024 * 1024, 7);
  many_fields = g_strnfill (1024 * 1024, ';');
  many_fields[0] = 'n';
  {
    g_autofree char *letters = g_strnfill (10000, 'a');

    open_quote = g_strdup_printf ("name\nAn\n\"%s\n%s", letters, letters);
  }

  created = admin_request (server, "POST", "/api/v1/sessions",
                           "{\"number\": 1, \"title\": \"K\"}",
                           strlen ("{\"number\": 1, \"title\": \"K\"}"));
  g_assert_true (g_str_has_prefix (created, "HTTP/1.1 201"));
  g_clear_pointer (&created, g_free);
  created = admin_request (server, "POST", "/api/v1/sessions/1/items", "{\"title\": \"A\"}",
                           14);
  g_assert_true (g_str_has_prefix (created, "HTTP/1.1 201"));
  items_before = admin_request (server, "GET", "/api/v1/sessions/1/items", NULL, 0);
  people_before = admin_request (server, "GET", "/api/v1/people", NULL, 0);

  for (gsize r = 0; r < G_N_ELEMENTS (routes); r++)
    for (gsize i = 0; i < G_N_ELEMENTS (segments); i++)
      {
        g_autofree char *path = g_strdup_printf (routes[r].path, segments[i]);
        g_autofree char *answer = admin_request (server, routes[r].method, path, "{}", 2);
        guint status = answer_status (answer);

        g_test_message ("%s %s: %u", routes[r].method, path, status);
        g_assert_true (status == 0 || (status >= 400 && status < 500));
        g_assert_null (strstr (answer, "root:"));
      }

#define ADD_BODY(n_, d_, l_) \
  (bodies[n_bodies].name = (n_), bodies[n_bodies].data = (d_), bodies[n_bodies++].length = (l_))
  ADD_BODY ("64 KiB of binary", binary, 65536);
  ADD_BODY ("200,000 open brackets", nested, strlen (nested));
  ADD_BODY ("a 2 MiB title", long_title, strlen (long_title));
  ADD_BODY ("a NUL in JSON", "{\"title\": \"a\0b\"}", 16);
  ADD_BODY ("an array", "[1, 2, 3]", 9);
  ADD_BODY ("a megabyte of separators", many_fields, strlen (many_fields));
  ADD_BODY ("a quote never closed", open_quote, strlen (open_quote));
#undef ADD_BODY

  for (guint b = 0; b < n_bodies; b++)
    {
      static const char *const targets[][2] = {
        { "PUT", "/api/v1/sessions/1" }, { "POST", "/api/v1/sessions/1/copy-agenda" },
        { "PUT", "/api/v1/items/1" }, { "PUT", "/api/v1/people/1" },
        { "POST", "/api/v1/people/import" }, { "POST", "/api/v1/people/import?dry_run=1" },
      };

      for (gsize t = 0; t < G_N_ELEMENTS (targets); t++)
        {
          g_autofree char *answer = admin_request (server, targets[t][0], targets[t][1],
                                                   bodies[b].data, bodies[b].length);
          guint status = answer_status (answer);

          g_test_message ("%s to %s %s: %u", bodies[b].name, targets[t][0], targets[t][1],
                          status);
          g_assert_true (status == 0 || (status >= 400 && status < 500));
        }
      assert_still_serving (server);
    }

  /* Nothing changed. */
  {
    g_autofree char *items_after = admin_request (server, "GET", "/api/v1/sessions/1/items",
                                                  NULL, 0);
    g_autofree char *people_after = admin_request (server, "GET", "/api/v1/people", NULL, 0);
    const char *items_body = strstr (items_after, "\r\n\r\n");
    const char *people_body = strstr (people_after, "\r\n\r\n");

    g_assert_nonnull (items_body);
    g_assert_nonnull (people_body);
    g_assert_cmpstr (items_body, ==, strstr (items_before, "\r\n\r\n"));
    g_assert_cmpstr (people_body, ==, strstr (people_before, "\r\n\r\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile/slow-clients", test_slow_clients);
  g_test_add_func ("/hostile/malformed-requests", test_malformed_requests);
  g_test_add_func ("/hostile/negative-length", test_negative_length);
  g_test_add_func ("/hostile/desk-inputs", test_desk_inputs);
  g_test_add_func ("/hostile/pathological-pdfs", test_pathological_pdfs);
  return g_test_run ();
}
