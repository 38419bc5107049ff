/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-change-watch.h"

/* Turns the store's “changed” (emitted on whichever thread committed: the
 * window's, an import's, the sync's) into one “changed” on the main
 * context once changes have paused for a moment, so a view reloads once
 * per burst rather than once per row. */
struct _LiaisonChangeWatch
{
  GObject parent_instance;

  LiaisonStore *store;
  guint         delay_ms;
  gulong        handler;
  guint         timeout;
};

G_DEFINE_FINAL_TYPE (LiaisonChangeWatch, liaison_change_watch, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the store's handler holds: it may run on another thread while the
 * watch goes away on this one, so it reaches the watch through a weak
 * reference and the main context through its own reference. */
typedef struct
{
  gatomicrefcount ref_count;
  GWeakRef        watch;
  GMainContext   *context;
} Link;

static Link *
link_ref (Link *link)
{
  g_atomic_ref_count_inc (&link->ref_count);
  return link;
}

static void
link_unref (gpointer data)
{
  Link *link = data;

  if (g_atomic_ref_count_dec (&link->ref_count))
    {
      g_weak_ref_clear (&link->watch);
      g_main_context_unref (link->context);
      g_free (link);
    }
}

static void
link_closure_notify (gpointer  data,
                     GClosure *closure)
{
  link_unref (data);
}

static gboolean
on_quiet (gpointer data)
{
  LiaisonChangeWatch *self = data;

  self->timeout = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static gboolean
on_main_context (gpointer data)
{
  Link *link = data;
  g_autoptr (LiaisonChangeWatch) self = g_weak_ref_get (&link->watch);

  if (self != NULL)
    {
      g_clear_handle_id (&self->timeout, g_source_remove);
      self->timeout = g_timeout_add (self->delay_ms, on_quiet, self);
    }
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (LiaisonStore *store,
                  gpointer      data)
{
  Link *link = data;

  g_main_context_invoke_full (link->context, G_PRIORITY_DEFAULT, on_main_context, link_ref (link), link_unref);
}

static void
liaison_change_watch_dispose (GObject *object)
{
  LiaisonChangeWatch *self = (LiaisonChangeWatch *) object;

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->store != NULL && self->handler != 0)
    g_clear_signal_handler (&self->handler, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_change_watch_parent_class)->dispose (object);
}

static void
liaison_change_watch_class_init (LiaisonChangeWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_change_watch_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
liaison_change_watch_init (LiaisonChangeWatch *self)
{
}

/* Called on the thread whose main context gets the signal. */
LiaisonChangeWatch *
liaison_change_watch_new (LiaisonStore *store,
                          guint         delay_ms)
{
  LiaisonChangeWatch *self = g_object_new (LIAISON_TYPE_CHANGE_WATCH, NULL);
  Link               *link = g_new0 (Link, 1);

  g_atomic_ref_count_init (&link->ref_count);
  g_weak_ref_init (&link->watch, self);
  link->context = g_main_context_ref_thread_default ();

  self->store = g_object_ref (store);
  self->delay_ms = delay_ms;
  self->handler = g_signal_connect_data (store, "changed", G_CALLBACK (on_store_changed), link,
                                         link_closure_notify, 0);
  return self;
}
