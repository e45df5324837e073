/* chamber-desk-request.c — the desk's calls to chamberd on a worker thread (see
 * chamber-desk-request.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "chamber-desk-request.h"

typedef struct {
  ChamberConnection *connection;
  ChamberDeskCall    call;
  gpointer           data;
  GDestroyNotify     data_free;
  GDestroyNotify     result_free;
} CallData;

static void
call_data_free (CallData *call)
{
  chamber_connection_free (call->connection);
  if (call->data_free != NULL && call->data != NULL)
    call->data_free (call->data);
  g_free (call);
}

static void
call_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CallData *call = task_data;
  g_autoptr (ChamberClient) client = NULL;
  GError *error = NULL;
  gpointer result;

  client = chamber_client_new (call->connection->server_url, call->connection->token, &error);
  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  chamber_client_set_pinned_certificate (client, call->connection->pin);
  result = call->call (client, call->data, cancellable, &error);
  if (error != NULL)
    {
      if (result != NULL && call->result_free != NULL)
        call->result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, call->result_free);
}

void
chamber_desk_call_async (gpointer                 source_object,
                         const ChamberConnection *connection,
                         ChamberDeskCall          call,
                         gpointer                 data,
                         GDestroyNotify           data_free,
                         GDestroyNotify           result_free,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr (GTask) task = NULL;
  CallData *call_data;

  g_return_if_fail (connection != NULL);
  g_return_if_fail (call != NULL);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, chamber_desk_call_async);
  call_data = g_new0 (CallData, 1);
  call_data->connection = chamber_connection_copy (connection);
  call_data->call = call;
  call_data->data = data;
  call_data->data_free = data_free;
  call_data->result_free = result_free;
  g_task_set_task_data (task, call_data, (GDestroyNotify) call_data_free);
  g_task_run_in_thread (task, call_thread);
}

gpointer
chamber_desk_call_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  char     *method;
  char     *path;
  JsonNode *body;
} Request;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->path);
  g_clear_pointer (&request->body, json_node_unref);
  g_free (request);
}

static gpointer
request_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  Request *request = data;
  JsonNode *answer;

  answer = chamber_client_request_json (client, request->method, request->path, request->body,
                                        NULL, cancellable, error);
  if (answer == NULL && (error == NULL || *error == NULL))
    answer = json_node_init_object (json_node_alloc (), json_object_new ());
  return answer;
}

void
chamber_desk_request_async (gpointer                 source_object,
                            const ChamberConnection *connection,
                            const char              *method,
                            const char              *path,
                            JsonNode                *body,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  Request *request = g_new0 (Request, 1);

  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->body = body;
  chamber_desk_call_async (source_object, connection, request_call, request,
                           (GDestroyNotify) request_free, (GDestroyNotify) json_node_unref,
                           cancellable, callback, user_data);
}

JsonNode *
chamber_desk_request_finish (GAsyncResult *result, GError **error)
{
  return chamber_desk_call_finish (result, error);
}

JsonNode *
chamber_desk_body_new (JsonObject **out_object)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  *out_object = object;
  json_object_unref (object);
  return node;
}
