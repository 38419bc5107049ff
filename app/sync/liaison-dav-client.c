/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
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

static void
liaison_dav_client_class_init (LiaisonDavClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_dav_client_finalize;
}

static void
liaison_dav_client_init (LiaisonDavClient *self)
{
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

typedef struct
{
  gboolean done;
  GBytes  *reply;
  GError  *error;
} Wait;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->reply = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &wait->error);
  wait->done = TRUE;
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
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GMainContext       *context = g_main_context_ref_thread_default ();
  SoupMessageHeaders *headers;
  Wait                wait = { FALSE, NULL, NULL };

  if (reply != NULL)
    *reply = NULL;
  if (etag != NULL)
    *etag = NULL;
  if (location != NULL)
    *location = NULL;

  msg = soup_message_new (method, url);
  if (msg == NULL)
    {
      g_main_context_unref (context);
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_CONFIGURED,
                   _ ("“%s” is not a server address Liaison can use (it needs http:// or https://)."), url);
      return FALSE;
    }
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (msg);
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
      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
      g_signal_connect (msg, "restarted", G_CALLBACK (on_restarted), bytes);
    }

  self->requests++;
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable, on_sent, &wait);
  while (!wait.done)
    g_main_context_iteration (context, TRUE);
  g_main_context_unref (context);

  if (wait.error != NULL)
    {
      transport_error (error, url, wait.error);
      g_error_free (wait.error);
      return FALSE;
    }
  *status = soup_message_get_status (msg);
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"));
  if (location != NULL)
    *location = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location"));
  if (reply != NULL)
    *reply = g_steal_pointer (&wait.reply);
  g_clear_pointer (&wait.reply, g_bytes_unref);
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

/* Parsed without the network, without entities, without recovering from
 * broken XML; a document type declaration is refused outright. */
LiaisonDavMultistatus *
liaison_dav_parse_multistatus (GBytes     *reply,
                               const char *url,
                               GError    **error)
{
  gsize       size = 0;
  const char *data = reply != NULL ? g_bytes_get_data (reply, &size) : NULL;
  g_autoptr (LiaisonDavMultistatus) ms = NULL;
  xmlDoc  *doc;
  xmlNode *root;

  if (data == NULL || size == 0 || size > G_MAXINT)
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
                   _ ("The server's reply to %s is empty where a list was expected."), url);
      return NULL;
    }
  if (g_strstr_len (data, MIN (size, 4096), "<!DOCTYPE") != NULL)
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
                   _ ("The server's reply to %s has a document type declaration, which Liaison refuses."), url);
      return NULL;
    }
  doc = xmlReadMemory (data, (int) size, url, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || doc->intSubset != NULL || doc->extSubset != NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
                   _ ("The server's reply to %s is not well-formed XML (it may have been cut off)."), url);
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is (root, NS_DAV, "multistatus"))
    {
      xmlFreeDoc (doc);
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
                   _ ("The server's reply to %s is not a WebDAV multistatus."), url);
      return NULL;
    }

  ms = g_new0 (LiaisonDavMultistatus, 1);
  ms->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) response_free);
  for (xmlNode *n = root->children; n != NULL; n = n->next)
    {
      LiaisonDavResponse *r;

      if (is (n, NS_DAV, "sync-token"))
        {
          g_free (ms->sync_token);
          ms->sync_token = text_of (n);
          continue;
        }
      if (!is (n, NS_DAV, "response"))
        continue;
      r = g_new0 (LiaisonDavResponse, 1);
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
        response_free (r);
      else
        g_ptr_array_add (ms->responses, r);
    }
  xmlFreeDoc (doc);
  return g_steal_pointer (&ms);
}

/* PROPFIND or REPORT: NULL with an error unless the server answered 207.
 * status tells a refusal (403, 412) from a failure. */
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
  g_autoptr (GBytes) reply = NULL;

  *status = 0;
  if (!liaison_dav_client_send (self, method, url, depth, NULL, NULL, "application/xml; charset=utf-8", body,
                                status, &reply, NULL, NULL, cancellable, error))
    return NULL;
  if (*status != 207)
    {
      liaison_dav_status_error (error, method, url, *status);
      return NULL;
    }
  return liaison_dav_parse_multistatus (reply, url, error);
}
