/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "liaison-dav-client.h"
#include "liaison-proxy-resolver.h"
#include "liaison-sync-error.h"

#define NS_DAV "DAV:"
#define NS_CALDAV "urn:ietf:params:xml:ns:caldav"
#define NS_CARDDAV "urn:ietf:params:xml:ns:carddav"

struct _LiaisonDavClient
{
  GObject parent_instance;

  SoupSession *session;
  char        *authorization;
  guint        requests;
  guint64      answer_limit;
  guint        timeout;
};

G_DEFINE_FINAL_TYPE (LiaisonDavClient, liaison_dav_client, G_TYPE_OBJECT)

static void
response_free (LiaisonDavResponse *r)
{
  g_free (r->href);
  g_free (r->etag);
  g_free (r->data);
  g_free (r->displayname);
  g_free (r->calendar_home);
  g_free (r->addressbook_home);
  g_clear_pointer (&r->hrefs, g_ptr_array_unref);
  g_free (r);
}

void
liaison_dav_multistatus_free (LiaisonDavMultistatus *ms)
{
  g_ptr_array_unref (ms->responses);
  g_free (ms->sync_token);
  g_free (ms);
}

static void
liaison_dav_client_finalize (GObject *object)
{
  LiaisonDavClient *self = (LiaisonDavClient *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->authorization, g_free);

  G_OBJECT_CLASS (liaison_dav_client_parent_class)->finalize (object);
}

/* Nothing a server's XML names is ever loaded (a DTD is refused before
 * libxml2 sees it; this is the second lock). */
static xmlParserInputPtr
refuse_entity (const char      *url,
               const char      *id,
               xmlParserCtxtPtr context)
{
  return NULL;
}

static void
liaison_dav_client_class_init (LiaisonDavClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_dav_client_finalize;
  xmlSetExternalEntityLoader (refuse_entity);
}

static void
liaison_dav_client_init (LiaisonDavClient *self)
{
  self->answer_limit = LIAISON_DAV_DEFAULT_ANSWER_LIMIT;
  self->timeout = LIAISON_DAV_DEFAULT_TIMEOUT;
}

/* Call it on the thread (and thread-default context) that will use it. */
LiaisonDavClient *
liaison_dav_client_new (const char *username,
                        const char *password)
{
  LiaisonDavClient *self = g_object_new (LIAISON_TYPE_DAV_CLIENT, NULL);
  g_autofree char  *pair = g_strconcat (username, ":", password, NULL);
  g_autofree char  *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char  *agent = g_strconcat ("Liaison/", PACKAGE_VERSION, NULL);

  /* TLS is verified against the system's trust store (glib-networking);
   * nothing here ever accepts a certificate it refused. */
  liaison_proxy_resolver_register ();
  self->session = soup_session_new_with_options ("user-agent", agent, "timeout", 60, "idle-timeout", 60, NULL);
  /* Credentials go with the first request: a request restarted after a
   * 401 is resent by libsoup without its body (DESIGN.md). */
  self->authorization = g_strconcat ("Basic ", encoded, NULL);
  return self;
}

guint
liaison_dav_client_get_requests (LiaisonDavClient *self)
{
  return self->requests;
}

/* answer_limit: the most bytes one answer's body may have once decoded;
 * timeout: the most seconds one request may take, from sending it to its
 * answer's last byte (0 for either: the default). */
void
liaison_dav_client_set_limits (LiaisonDavClient *self,
                               guint64           answer_limit,
                               guint             timeout)
{
  self->answer_limit = answer_limit > 0 ? answer_limit : LIAISON_DAV_DEFAULT_ANSWER_LIMIT;
  self->timeout = timeout > 0 ? timeout : LIAISON_DAV_DEFAULT_TIMEOUT;
}

char *
liaison_dav_client_resolve (const char *base,
                            const char *href)
{
  char *resolved = g_uri_resolve_relative (base, href, G_URI_FLAGS_ENCODED, NULL);

  return resolved != NULL ? resolved : g_strdup (href);
}

void
liaison_dav_status_error (GError    **error,
                          const char *method,
                          const char *url,
                          guint       status)
{
  if (status == SOUP_STATUS_UNAUTHORIZED)
    g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_AUTH,
                 _ ("The server at %s refused the user name or password. Check them in Preferences "
                    "(or give the right ones to “liaison sync”)."),
                 url);
  else if (status == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_AUTH,
                 _ ("The server does not let this user %s %s (403 Forbidden). Ask the server's "
                    "administrator for access, or use another collection."),
                 method, url);
  else if (status >= 500)
    g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER,
                 _ ("The server failed to answer %s %s (%u %s). Nothing was changed here; "
                    "Liaison tries again at the next sync."),
                 method, url, status, soup_status_get_phrase (status));
  else
    g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER,
                 _ ("The server refused %s %s (%u %s)."), method, url, status, soup_status_get_phrase (status));
}

static void
transport_error (GError    **error,
                 const char *url,
                 GError     *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_CERTIFICATE,
                 _ ("The certificate of %s was refused (%s), so nothing was sent to it. If the server "
                    "is right, its administrator needs a certificate your system trusts."),
                 url, cause->message);
  else
    g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_UNREACHABLE,
                 _ ("Cannot reach %s (%s). Check the network and the server address; your changes "
                    "stay here and go at the next sync."),
                 url, cause->message);
}

/* ------------------------------------------------------------------------ */
/* One request: sent, its answer read in pieces, each piece bounded          */

/* Every wait of a request runs this thread's default main context, so the
 * deadline (a timeout source on it) can cancel whatever is pending. */
typedef struct
{
  LiaisonDavClient *client;
  SoupMessage      *msg;
  const char       *method;
  const char       *url;
  GMainContext     *context;
  GCancellable     *cancellable; /* the request's own */
  GCancellable     *outer;       /* the caller's */
  gulong            outer_handler;
  GSource          *deadline;
  gboolean          timed_out;
  GInputStream     *stream;
  guint64           received;
} Request;

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Pending;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Pending *pending = user_data;

  pending->result = g_object_ref (result);
  pending->done = TRUE;
}

static GAsyncResult *
request_wait (Request *req,
              Pending *pending)
{
  while (!pending->done)
    g_main_context_iteration (req->context, TRUE);
  return pending->result;
}

static gboolean
on_deadline (gpointer user_data)
{
  Request *req = user_data;

  req->timed_out = TRUE;
  g_cancellable_cancel (req->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_outer_cancelled (GCancellable *outer,
                    gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

static void
unref_body (gpointer  data,
            GClosure *closure)
{
  g_bytes_unref (data);
}

static void
on_restarted (SoupMessage *msg,
              gpointer     user_data)
{
  GBytes     *body = user_data;
  const char *type = soup_message_headers_get_content_type (soup_message_get_request_headers (msg), NULL);

  /* libsoup drops the body of a restarted request: give it back. */
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, type, body);
}

/* Why a request failed: the deadline, the caller, or the connection. */
static void
request_error (Request *req,
               GError  *cause,
               GError **error)
{
  if (req->timed_out && !g_cancellable_is_cancelled (req->outer))
    g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER,
                 /* Translators: %1$s is an HTTP method (GET, PUT), %2$s an address, %3$u a number of seconds */
                 _ ("The server took more than %3$u seconds to answer %1$s %2$s, so Liaison stopped waiting. "
                    "Nothing was changed here; Liaison tries again at the next sync."),
                 req->method, req->url, req->client->timeout);
  else
    transport_error (error, req->url, cause);
}

static void
too_large_error (Request *req,
                 GError **error)
{
  g_autofree char *limit = g_format_size (req->client->answer_limit);

  g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
               /* Translators: %1$s is an HTTP method (GET, REPORT), %2$s an address, %3$s a size (64.0 MB) */
               _ ("The server's answer to %1$s %2$s is larger than %3$s, the most Liaison reads in one answer. "
                  "Nothing was changed here."),
               req->method, req->url, limit);
}

/* Sends the request and waits for the answer's status and headers; the
 * deadline runs from here to request_end. */
static gboolean
request_begin (Request          *req,
               LiaisonDavClient *self,
               const char       *method,
               const char       *url,
               const char       *depth,
               const char       *if_match,
               const char       *if_none_match,
               const char       *content_type,
               const char       *body,
               GCancellable     *cancellable,
               guint            *status,
               GError          **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;
  SoupMessageHeaders *headers;
  Pending             pending = { FALSE, NULL };

  memset (req, 0, sizeof *req);
  req->client = self;
  req->method = method;
  req->url = url;
  req->msg = soup_message_new (method, url);
  if (req->msg == NULL)
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_CONFIGURED,
                   _ ("“%s” is not a server address Liaison can use (it needs http:// or https://)."), url);
      return FALSE;
    }
  soup_message_add_flags (req->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (req->msg);
  soup_message_headers_replace (headers, "Authorization", self->authorization);
  if (depth != NULL)
    soup_message_headers_replace (headers, "Depth", depth);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (if_none_match != NULL)
    soup_message_headers_replace (headers, "If-None-Match", if_none_match);
  if (body != NULL)
    {
      bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (req->msg, content_type, bytes);
      g_signal_connect_data (req->msg, "restarted", G_CALLBACK (on_restarted), g_bytes_ref (bytes), unref_body, 0);
    }

  req->context = g_main_context_ref_thread_default ();
  req->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      req->outer = g_object_ref (cancellable);
      req->outer_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_outer_cancelled), req->cancellable, NULL);
    }
  req->deadline = g_timeout_source_new_seconds (self->timeout);
  g_source_set_callback (req->deadline, on_deadline, req, NULL);
  g_source_attach (req->deadline, req->context);

  self->requests++;
  soup_session_send_async (self->session, req->msg, G_PRIORITY_DEFAULT, req->cancellable, on_done, &pending);
  result = request_wait (req, &pending);
  req->stream = soup_session_send_finish (self->session, result, &local_error);
  if (req->stream == NULL)
    {
      request_error (req, local_error, error);
      return FALSE;
    }
  *status = soup_message_get_status (req->msg);
  return TRUE;
}

/* Up to size bytes of the answer's body (0 at its end), -1 with an error
 * past the deadline or the size limit. */
static gssize
request_read (Request *req,
              void    *buffer,
              gsize    size,
              GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;
  Pending pending = { FALSE, NULL };
  gssize  n;

  if (req->received == 0)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (req->msg);

      /* Refused before a byte is read, when the server says how much. */
      if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
          (guint64) soup_message_headers_get_content_length (headers) > req->client->answer_limit)
        {
          too_large_error (req, error);
          return -1;
        }
    }
  g_input_stream_read_async (req->stream, buffer, size, G_PRIORITY_DEFAULT, req->cancellable, on_done, &pending);
  result = request_wait (req, &pending);
  n = g_input_stream_read_finish (req->stream, result, &local_error);
  if (n < 0)
    {
      request_error (req, local_error, error);
      return -1;
    }
  req->received += n;
  if (req->received > req->client->answer_limit)
    {
      too_large_error (req, error);
      return -1;
    }
  return n;
}

/* The whole body, NUL-terminated (an empty one too), within the limits. */
static GBytes *
request_read_all (Request *req,
                  GError **error)
{
  g_autoptr (GByteArray) body = g_byte_array_new ();
  gsize size;

  for (;;)
    {
      gssize n;

      g_byte_array_set_size (body, body->len + 65536);
      n = request_read (req, body->data + body->len - 65536, 65536, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (body, body->len - 65536 + n);
      if (n == 0)
        break;
    }
  size = body->len;
  g_byte_array_append (body, (const guint8 *) "", 1);
  return g_bytes_new_take (g_byte_array_free (g_steal_pointer (&body), FALSE), size);
}

/* An answer not read to its end is abandoned, never drained: closing it
 * after the cancel drops the connection at once, where a plain close (or
 * the last unref) would read an endless body for ever. */
static void
request_end (Request *req,
             gboolean complete)
{
  if (req->stream != NULL)
    {
      g_autoptr (GAsyncResult) result = NULL;
      Pending pending = { FALSE, NULL };

      if (!complete)
        g_cancellable_cancel (req->cancellable);
      g_input_stream_close_async (req->stream, G_PRIORITY_DEFAULT, req->cancellable, on_done, &pending);
      result = request_wait (req, &pending);
      g_input_stream_close_finish (req->stream, result, NULL);
      g_clear_object (&req->stream);
    }
  if (req->deadline != NULL)
    {
      g_source_destroy (req->deadline);
      g_clear_pointer (&req->deadline, g_source_unref);
    }
  if (req->outer != NULL)
    {
      g_cancellable_disconnect (req->outer, req->outer_handler);
      g_clear_object (&req->outer);
    }
  g_clear_object (&req->cancellable);
  g_clear_object (&req->msg);
  g_clear_pointer (&req->context, g_main_context_unref);
}

gboolean
liaison_dav_client_send (LiaisonDavClient *self,
                         const char       *method,
                         const char       *url,
                         const char       *depth,
                         const char       *if_match,
                         const char       *if_none_match,
                         const char       *content_type,
                         const char       *body,
                         guint            *status,
                         GBytes          **reply,
                         char            **etag,
                         char            **location,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr (GBytes) bytes = NULL;
  SoupMessageHeaders *headers;
  Request             req;

  if (reply != NULL)
    *reply = NULL;
  if (etag != NULL)
    *etag = NULL;
  if (location != NULL)
    *location = NULL;

  if (!request_begin (&req, self, method, url, depth, if_match, if_none_match, content_type, body, cancellable,
                      status, error))
    {
      request_end (&req, FALSE);
      return FALSE;
    }
  /* Read even when unwanted, so the connection can serve the next request;
   * within the same limits. */
  bytes = request_read_all (&req, error);
  if (bytes == NULL)
    {
      request_end (&req, FALSE);
      return FALSE;
    }
  headers = soup_message_get_response_headers (req.msg);
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  if (location != NULL)
    *location = g_strdup (soup_message_headers_get_one (headers, "Location"));
  if (reply != NULL)
    *reply = g_steal_pointer (&bytes);
  request_end (&req, TRUE);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Multistatus                                                               */

static gboolean
is (xmlNode    *node,
    const char *ns,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL && g_strcmp0 ((const char *) node->ns->href, ns) == 0 && g_strcmp0 ((const char *) node->name, name) == 0;
}

static char *
text_of (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char    *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text != NULL ? g_strstrip (text) : NULL;
}

static guint
parse_status (xmlNode *node)
{
  g_autofree char *line = text_of (node);
  guint            code = 0;

  /* "HTTP/1.1 200 OK" */
  if (line != NULL && g_str_has_prefix (line, "HTTP/"))
    {
      const char *space = strchr (line, ' ');
      if (space != NULL)
        code = (guint) g_ascii_strtoull (space + 1, NULL, 10);
    }
  return code;
}

static void
read_prop (LiaisonDavResponse *r,
           xmlNode            *prop)
{
  for (xmlNode *p = prop->children; p != NULL; p = p->next)
    {
      if (p->type != XML_ELEMENT_NODE)
        continue;
      if (is (p, NS_DAV, "getetag"))
        {
          g_free (r->etag);
          r->etag = text_of (p);
        }
      else if (is (p, NS_CALDAV, "calendar-data") || is (p, NS_CARDDAV, "address-data"))
        {
          xmlChar *content = xmlNodeGetContent (p);

          /* Item text exactly as sent: never stripped. */
          g_free (r->data);
          r->data = g_strdup ((const char *) content);
          xmlFree (content);
        }
      else if (is (p, NS_DAV, "displayname"))
        {
          g_free (r->displayname);
          r->displayname = text_of (p);
        }
      else if (is (p, NS_DAV, "resourcetype"))
        {
          for (xmlNode *t = p->children; t != NULL; t = t->next)
            {
              if (is (t, NS_DAV, "collection"))
                r->is_collection = TRUE;
              else if (is (t, NS_CALDAV, "calendar"))
                r->is_calendar = TRUE;
              else if (is (t, NS_CARDDAV, "addressbook"))
                r->is_addressbook = TRUE;
            }
        }
      else if (is (p, NS_CALDAV, "supported-calendar-component-set"))
        {
          for (xmlNode *c = p->children; c != NULL; c = c->next)
            if (is (c, NS_CALDAV, "comp"))
              {
                xmlChar *name = xmlGetProp (c, (const xmlChar *) "name");

                if (name != NULL && g_ascii_strcasecmp ((const char *) name, "VEVENT") == 0)
                  r->supports_events = TRUE;
                xmlFree (name);
              }
        }
      else if (is (p, NS_DAV, "current-user-principal"))
        {
          for (xmlNode *h = p->children; h != NULL; h = h->next)
            if (is (h, NS_DAV, "href"))
              g_ptr_array_add (r->hrefs, text_of (h));
        }
      /* Each home set on its own: in one list, which is which would
       * depend on the order the server wrote them in. */
      else if (is (p, NS_CALDAV, "calendar-home-set") || is (p, NS_CARDDAV, "addressbook-home-set"))
        {
          char **home = is (p, NS_CALDAV, "calendar-home-set") ? &r->calendar_home : &r->addressbook_home;

          for (xmlNode *h = p->children; h != NULL && *home == NULL; h = h->next)
            if (is (h, NS_DAV, "href"))
              *home = text_of (h);
        }
    }
}

static LiaisonDavResponse *
read_response (xmlNode *n)
{
  LiaisonDavResponse *r = g_new0 (LiaisonDavResponse, 1);

  r->hrefs = g_ptr_array_new_with_free_func (g_free);
  for (xmlNode *c = n->children; c != NULL; c = c->next)
    {
      if (is (c, NS_DAV, "href") && r->href == NULL)
        r->href = text_of (c);
      else if (is (c, NS_DAV, "status"))
        r->status = parse_status (c);
      else if (is (c, NS_DAV, "propstat"))
        {
          xmlNode *prop = NULL;
          guint    code = 0;

          for (xmlNode *p = c->children; p != NULL; p = p->next)
            {
              if (is (p, NS_DAV, "prop"))
                prop = p;
              else if (is (p, NS_DAV, "status"))
                code = parse_status (p);
            }
          if (prop != NULL && code >= 200 && code < 300)
            read_prop (r, prop);
        }
    }
  if (r->href == NULL)
    {
      response_free (r);
      return NULL;
    }
  return r;
}

/* What comes before the root element, scanned before libxml2 sees a byte
 * of it: a document type declaration (where entities, and so entity bombs,
 * are declared) is refused there. Comments and processing instructions
 * pass. */
typedef enum
{
  PROLOG_TEXT,    /* between markup */
  PROLOG_LT,      /* after "<" */
  PROLOG_BANG,    /* after "<!" */
  PROLOG_DASH,    /* after "<!-" */
  PROLOG_COMMENT, /* in a comment; dashes counts its closing "--" */
  PROLOG_PI,      /* in a processing instruction (the XML declaration) */
  PROLOG_DONE,    /* the root element began */
  PROLOG_REFUSED,
} PrologState;

typedef struct
{
  PrologState state;
  guint       dashes;
  gboolean    question;
} Prolog;

static gboolean
prolog_scan (Prolog     *p,
             const char *data,
             gsize       size)
{
  for (gsize i = 0; i < size && p->state != PROLOG_DONE && p->state != PROLOG_REFUSED; i++)
    {
      char c = data[i];

      switch (p->state)
        {
        case PROLOG_TEXT:
          if (c == '<')
            p->state = PROLOG_LT;
          else if (!g_ascii_isspace (c) && (guchar) c < 0x80)
            p->state = PROLOG_DONE; /* not XML: libxml2 says so */
          break;
        case PROLOG_LT:
          p->state = c == '!' ? PROLOG_BANG : c == '?' ? PROLOG_PI
                                                       : PROLOG_DONE;
          p->question = FALSE;
          break;
        case PROLOG_BANG:
          p->state = c == '-' ? PROLOG_DASH : PROLOG_REFUSED;
          break;
        case PROLOG_DASH:
          p->state = c == '-' ? PROLOG_COMMENT : PROLOG_REFUSED;
          p->dashes = 0;
          break;
        case PROLOG_COMMENT:
          if (c == '>' && p->dashes >= 2)
            p->state = PROLOG_TEXT;
          p->dashes = c == '-' ? p->dashes + 1 : 0;
          break;
        case PROLOG_PI:
          if (c == '>' && p->question)
            p->state = PROLOG_TEXT;
          p->question = c == '?';
          break;
        case PROLOG_DONE:
        case PROLOG_REFUSED:
          break;
        }
    }
  return p->state != PROLOG_REFUSED;
}

static void
doctype_error (GError    **error,
               const char *url)
{
  g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
               _ ("The server's reply to %s has a document type declaration, which Liaison refuses."), url);
}

static void
ignore_xml_error (void       *data,
                  xmlErrorPtr error)
{
}

/* The body as it arrives, for the XML reader. */
typedef struct
{
  Request *req;
  Prolog   prolog;
  GError  *error;
  gboolean stopped; /* by an error of feed_read's, handed to the caller */
} Feed;

static int
feed_read (void *context,
           char *buffer,
           int   len)
{
  Feed  *feed = context;
  gssize n;

  if (feed->error != NULL || len <= 0)
    return feed->error != NULL ? -1 : 0;
  n = request_read (feed->req, buffer, len, &feed->error);
  if (n < 0)
    return -1;
  if (!prolog_scan (&feed->prolog, buffer, n))
    {
      doctype_error (&feed->error, feed->req->url);
      return -1;
    }
  return (int) n;
}

/* Element by element: one response at a time is a tree, so a listing of
 * 100,000 items never is, nor is its text kept whole. Without the network,
 * without entities, without recovering from broken XML, as UTF-8 whatever
 * it says. */
static LiaisonDavMultistatus *
read_multistatus (xmlTextReaderPtr reader,
                  const char      *url,
                  Feed            *feed,
                  GError         **error)
{
  g_autoptr (LiaisonDavMultistatus) ms = g_new0 (LiaisonDavMultistatus, 1);
  gboolean root = FALSE;
  int      ret;

  ms->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) response_free);
  if (reader == NULL)
    ret = -1;
  else
    {
      xmlTextReaderSetStructuredErrorHandler (reader, ignore_xml_error, NULL);
      ret = xmlTextReaderRead (reader);
    }
  while (ret == 1)
    {
      int      type = xmlTextReaderNodeType (reader);
      int      depth = xmlTextReaderDepth (reader);
      xmlNode *node;

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          if (feed != NULL)
            feed->stopped = TRUE;
          doctype_error (error, url);
          return NULL;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        {
          ret = xmlTextReaderRead (reader);
          continue;
        }
      if (depth == 0)
        {
          if (!is (xmlTextReaderCurrentNode (reader), NS_DAV, "multistatus"))
            {
              g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
                           _ ("The server's reply to %s is not a WebDAV multistatus."), url);
              return NULL;
            }
          root = TRUE;
          ret = xmlTextReaderRead (reader);
          continue;
        }
      node = depth == 1 ? xmlTextReaderExpand (reader) : NULL;
      if (node == NULL)
        {
          ret = depth == 1 ? -1 : xmlTextReaderRead (reader);
          continue;
        }
      if (is (node, NS_DAV, "sync-token"))
        {
          g_free (ms->sync_token);
          ms->sync_token = text_of (node);
        }
      else if (is (node, NS_DAV, "response"))
        {
          LiaisonDavResponse *r = read_response (node);

          if (r != NULL)
            g_ptr_array_add (ms->responses, r);
        }
      ret = xmlTextReaderNext (reader);
    }

  if (feed != NULL && feed->error != NULL)
    {
      feed->stopped = TRUE;
      g_propagate_error (error, g_steal_pointer (&feed->error));
      return NULL;
    }
  if (ret < 0 || !root)
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
                   _ ("The server's reply to %s is not well-formed XML (it may have been cut off)."), url);
      return NULL;
    }
  return g_steal_pointer (&ms);
}

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* A whole reply already read (discovery's, after redirects). */
LiaisonDavMultistatus *
liaison_dav_parse_multistatus (GBytes     *reply,
                               const char *url,
                               GError    **error)
{
  gsize                  size = 0;
  const char            *data = reply != NULL ? g_bytes_get_data (reply, &size) : NULL;
  Prolog                 prolog = { PROLOG_TEXT, 0, FALSE };
  LiaisonDavMultistatus *ms;
  xmlTextReaderPtr       reader;

  if (data == NULL || size == 0 || size > G_MAXINT)
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
                   _ ("The server's reply to %s is empty where a list was expected."), url);
      return NULL;
    }
  if (!prolog_scan (&prolog, data, size))
    {
      doctype_error (error, url);
      return NULL;
    }
  reader = xmlReaderForMemory (data, (int) size, url, "UTF-8", XML_OPTIONS);
  ms = read_multistatus (reader, url, NULL, error);
  if (reader != NULL)
    xmlFreeTextReader (reader);
  return ms;
}

/* PROPFIND or REPORT: NULL with an error unless the server answered 207.
 * status tells a refusal (403, 412) from a failure. The answer is parsed as
 * it arrives, within the client's size limit and deadline. */
LiaisonDavMultistatus *
liaison_dav_client_multistatus (LiaisonDavClient *self,
                                const char       *method,
                                const char       *url,
                                const char       *depth,
                                const char       *body,
                                guint            *status,
                                GCancellable     *cancellable,
                                GError          **error)
{
  LiaisonDavMultistatus *ms;
  xmlTextReaderPtr       reader;
  Request                req;
  Feed                   feed = { &req, { PROLOG_TEXT, 0, FALSE }, NULL, FALSE };

  *status = 0;
  if (!request_begin (&req, self, method, url, depth, NULL, NULL, "application/xml; charset=utf-8", body,
                      cancellable, status, error))
    {
      *status = 0;
      request_end (&req, FALSE);
      return NULL;
    }
  if (*status != 207)
    {
      liaison_dav_status_error (error, method, url, *status);
      request_end (&req, FALSE);
      return NULL;
    }
  reader = xmlReaderForIO (feed_read, NULL, &feed, url, "UTF-8", XML_OPTIONS);
  ms = read_multistatus (reader, url, &feed, error);
  if (reader != NULL)
    xmlFreeTextReader (reader);
  /* Cut off by the deadline, the size limit or the connection, refused for
   * a DTD: no usable answer, as when none came, so nothing is asked again
   * in other ways. A reply that is merely not XML keeps its 207. */
  if (feed.stopped)
    *status = 0;
  g_clear_error (&feed.error);
  request_end (&req, ms != NULL);
  return ms;
}
