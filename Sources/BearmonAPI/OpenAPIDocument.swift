import BearmonServer
import Hummingbird
import NIOCore

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of exactly what ``APIRoutes`` serves,
/// written by hand so that it reads as documentation. APIOpenAPIDocumentTests hold it to the routes (every
/// endpoint described, nothing else) and schemathesis holds the answers to it.
package enum OpenAPIDocument {
    /// The answer, as sent.
    static func response() -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The document.
    package static let text = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "bearmon REST API",
    "version": "1",
    "description": "Checks, contacts, alerts, API tokens, maintenance windows and silences of a bearmon node with a store (standalone or cluster worker). Lists are {\"items\": [...], \"next\": CURSOR}. Reads need a read or write token unless [api] openReads is true; writes need a write token (README, \"Access\")."
  },
  "security": [{"bearer": []}, {"session": []}],
  "paths": {
    "/api/v1/openapi.json": {
      "get": {
        "operationId": "openapi",
        "summary": "This document.",
        "responses": {
          "200": {
            "description": "The OpenAPI 3.1 document of the API.",
            "content": {"application/json": {"schema": {"type": "object"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/config": {
      "get": {
        "operationId": "exportConfig",
        "summary": "The checks, contacts and alerts as config as code (the YAML `bearmon apply` reads), secrets masked. 409 while the stored catalog cannot be written as a file (two checks share a name), naming the ids and the fix.",
        "responses": {
          "200": {
            "description": "The export.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConfigExport"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "post": {
        "operationId": "applyConfig",
        "summary": "Plans a config-as-code file against the catalog and, unless dry_run, applies it in one transaction: all of it or none.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ConfigApply"},
              "example": {"yaml": "checks:\n  web:\n    type: tcp\n    data: {address: \"127.0.0.1:22\"}\n", "file": "bearmon.yaml", "dry_run": true}
            }
          }
        },
        "responses": {
          "200": {
            "description": "The plan, and whether it was applied.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConfigReport"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/checks": {
      "get": {
        "operationId": "listChecks",
        "summary": "A page of checks, by id.",
        "parameters": [
          {"$ref": "#/components/parameters/limit"},
          {"$ref": "#/components/parameters/cursor"},
          {"$ref": "#/components/parameters/tag"}
        ],
        "responses": {
          "200": {
            "description": "A page of checks.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckPage"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "post": {
        "operationId": "createCheck",
        "summary": "Adds a check.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/CheckCreate"},
              "example": {
                "name": "web",
                "type": "http",
                "data": {"url": "http://127.0.0.1:8888/healthz", "password": "hunter2"},
                "interval": 60,
                "delay": 1,
                "enabled": true,
                "tags": ["eu"],
                "public": false
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new check.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Check"}}},
            "headers": {
              "Location": {"description": "The new check's path.", "required": true, "schema": {"type": "string"}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      }
    },
    "/api/v1/checks/{id}": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "getCheck",
        "summary": "One check.",
        "responses": {
          "200": {
            "description": "The check.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Check"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "patch": {
        "operationId": "updateCheck",
        "parameters": [{"$ref": "#/components/parameters/quiet"}],
        "summary": "Changes a check with a JSON merge patch (RFC 7386); a masked value sent back means unchanged.",
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {"$ref": "#/components/schemas/CheckPatch"},
              "example": {"interval": 30, "tags": ["eu", "db"]}
            },
            "application/json": {
              "schema": {"$ref": "#/components/schemas/CheckPatch"},
              "example": {"interval": 30, "tags": ["eu", "db"]}
            }
          }
        },
        "responses": {
          "200": {
            "description": "The check as changed.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Check"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      },
      "delete": {
        "operationId": "deleteCheck",
        "parameters": [{"$ref": "#/components/parameters/quiet"}],
        "summary": "Removes a check.",
        "responses": {
          "204": {"description": "The check is gone."},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"}
        }
      }
    },
    "/api/v1/contacts": {
      "get": {
        "operationId": "listContacts",
        "summary": "A page of contacts, by id.",
        "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}],
        "responses": {
          "200": {
            "description": "A page of contacts.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ContactPage"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "post": {
        "operationId": "createContact",
        "summary": "Adds a contact.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ContactCreate"},
              "example": {
                "name": "ops",
                "type": "webhook",
                "data": {"url": "http://127.0.0.1:9/hook", "headers": {"Authorization": "Bearer s3cret"}}
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new contact.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}},
            "headers": {
              "Location": {"description": "The new contact's path.", "required": true, "schema": {"type": "string"}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      }
    },
    "/api/v1/contacts/{id}": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "getContact",
        "summary": "One contact.",
        "responses": {
          "200": {
            "description": "The contact.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "patch": {
        "operationId": "updateContact",
        "summary": "Changes a contact with a JSON merge patch (RFC 7386); a masked value sent back means unchanged.",
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {"$ref": "#/components/schemas/ContactPatch"},
              "example": {"name": "ops-2"}
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/ContactPatch"}, "example": {"name": "ops-2"}}
          }
        },
        "responses": {
          "200": {
            "description": "The contact as changed.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      },
      "delete": {
        "operationId": "deleteContact",
        "parameters": [{"$ref": "#/components/parameters/quiet"}],
        "summary": "Removes a contact.",
        "responses": {
          "204": {"description": "The contact is gone."},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"}
        }
      }
    },
    "/api/v1/checks/{id}/ack": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "post": {
        "operationId": "acknowledgeCheck",
        "summary": "Acknowledges the check's current outage: its escalations and reminders stop until it recovers or `for` runs out. The token's name is who.",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AckCreate"}, "example": {"comment": "on it", "for": "30m"}}}
        },
        "responses": {
          "201": {
            "description": "The acknowledgement.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ack"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "delete": {
        "operationId": "clearCheckAck",
        "summary": "Clears the check's acknowledgement: escalations and reminders resume.",
        "responses": {
          "204": {"description": "Cleared."},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/contacts/{id}/test": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "post": {
        "operationId": "testContact",
        "summary": "Sends the contact a test notification (kind test, status online) through the outbox, at once, and answers how the one attempt went; a failed delivery is still 200.",
        "responses": {
          "200": {
            "description": "The test's outcome.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TestNotification"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/alerts": {
      "get": {
        "operationId": "listAlerts",
        "summary": "A page of alerts, by id.",
        "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}],
        "responses": {
          "200": {
            "description": "A page of alerts.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AlertPage"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "post": {
        "operationId": "createAlert",
        "summary": "Adds a alert.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/AlertCreate"},
              "example": {"check_id": 1, "contact_id": 1, "type": "both", "enabled": true}
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new alert.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}},
            "headers": {
              "Location": {"description": "The new alert's path.", "required": true, "schema": {"type": "string"}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      }
    },
    "/api/v1/alerts/{id}": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "getAlert",
        "summary": "One alert.",
        "responses": {
          "200": {
            "description": "The alert.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "patch": {
        "operationId": "updateAlert",
        "parameters": [{"$ref": "#/components/parameters/quiet"}],
        "summary": "Changes a alert with a JSON merge patch (RFC 7386); a masked value sent back means unchanged.",
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {"$ref": "#/components/schemas/AlertPatch"},
              "example": {"type": "offline", "enabled": false}
            },
            "application/json": {
              "schema": {"$ref": "#/components/schemas/AlertPatch"},
              "example": {"type": "offline", "enabled": false}
            }
          }
        },
        "responses": {
          "200": {
            "description": "The alert as changed.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      },
      "delete": {
        "operationId": "deleteAlert",
        "parameters": [{"$ref": "#/components/parameters/quiet"}],
        "summary": "Removes a alert.",
        "responses": {
          "204": {"description": "The alert is gone."},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"}
        }
      }
    },
    "/api/v1/tokens": {
      "get": {
        "operationId": "listTokens",
        "summary": "A page of tokens, by id.",
        "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}],
        "responses": {
          "200": {
            "description": "A page of tokens.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TokenPage"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "post": {
        "operationId": "createToken",
        "summary": "Adds a token.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/TokenCreate"},
              "example": {"name": "ci", "scope": "read"}
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new token. The answer carries the token itself, once.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TokenCreated"}}},
            "headers": {
              "Location": {"description": "The new token's path.", "required": true, "schema": {"type": "string"}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      }
    },
    "/api/v1/tokens/{id}": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "getToken",
        "summary": "One token.",
        "responses": {
          "200": {
            "description": "The token.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Token"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "patch": {
        "operationId": "updateToken",
        "summary": "Changes a token with a JSON merge patch (RFC 7386); a masked value sent back means unchanged.",
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {"$ref": "#/components/schemas/TokenPatch"},
              "example": {"name": "ci-2"}
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/TokenPatch"}, "example": {"name": "ci-2"}}
          }
        },
        "responses": {
          "200": {
            "description": "The token as changed.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Token"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      },
      "delete": {
        "operationId": "deleteToken",
        "summary": "Removes a token.",
        "responses": {
          "204": {"description": "The token is gone."},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"}
        }
      }
    },
    "/api/v1/maintenances": {
      "get": {
        "operationId": "listMaintenances",
        "summary": "A page of maintenance windows, by id.",
        "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}],
        "responses": {
          "200": {
            "description": "A page of maintenance windows.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MaintenancePage"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "post": {
        "operationId": "createMaintenance",
        "summary": "Adds a maintenance window: one scope (check_id, tag or all: true) and one timing (start and end, or cron, duration and time_zone). During it checks run and flips are recorded, but notifications are held; at its end each contact whose last-heard state differs gets one catch-up. 409 for a name already taken.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/MaintenanceCreate"},
              "example": {"name": "nightly", "all": true, "cron": "0 2 * * SUN", "duration": "2h", "time_zone": "Europe/Berlin", "comment": "backups"}
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new maintenance window.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Maintenance"}}},
            "headers": {
              "Location": {"description": "The new maintenance window's path.", "required": true, "schema": {"type": "string"}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      }
    },
    "/api/v1/maintenances/{id}": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "getMaintenance",
        "summary": "One maintenance window.",
        "responses": {
          "200": {
            "description": "The maintenance window.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Maintenance"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "delete": {
        "operationId": "deleteMaintenance",
        "summary": "Removes a maintenance window; notifications it held are released within about a second.",
        "responses": {
          "204": {"description": "The window is gone."},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/silences": {
      "get": {
        "operationId": "listSilences",
        "summary": "A page of silences by id, expired and ended ones included unless active is given.",
        "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}, {"$ref": "#/components/parameters/active"}],
        "responses": {
          "200": {
            "description": "A page of silences.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SilencePage"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "post": {
        "operationId": "createSilence",
        "summary": "Silences a check or a tag from now until a duration or expires_at at most 90 days ahead; the token's name is recorded as its creator.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/SilenceCreate"},
              "example": {"check_id": 1, "duration": "2h", "comment": "deploying"}
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new silence.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Silence"}}},
            "headers": {
              "Location": {"description": "The new silence's path.", "required": true, "schema": {"type": "string"}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
        }
      }
    },
    "/api/v1/silences/{id}": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "getSilence",
        "summary": "One silence, in force or not.",
        "responses": {
          "200": {
            "description": "The silence.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Silence"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      },
      "delete": {
        "operationId": "deleteSilence",
        "summary": "Ends a silence now; it is kept for history (GET still shows it, with ended_at). Ending one already over changes nothing.",
        "responses": {
          "204": {"description": "The silence has ended."},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/checks/{id}/results": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "listResults",
        "summary": "A page of a check's results, newest first.",
        "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}],
        "responses": {
          "200": {
            "description": "A page of results.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ResultPage"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/checks/{id}/flips": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "listFlips",
        "summary": "A page of a check's flips, each with its notifications, newest first.",
        "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/cursor"}],
        "responses": {
          "200": {
            "description": "A page of flips.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FlipPage"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/checks/{id}/uptime": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "checkUptime",
        "summary": "A check's uptime over the last 24 hours, 7, 30 and 90 days and the current calendar month ([status] timezone), from its flips and hourly or daily aggregates, leaving out time without results and time in maintenance. Without a token only for a check marked public (404 otherwise, as for a missing check).",
        "security": [{}, {"bearer": []}, {"session": []}],
        "responses": {
          "200": {"$ref": "#/components/responses/Uptime"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/checks/{id}/badge/status.svg": {
      "parameters": [{"$ref": "#/components/parameters/id"}],
      "get": {
        "operationId": "statusBadge",
        "summary": "A badge with the check's status (online, offline, disabled, unknown). Without a token only for a check marked public.",
        "security": [{}, {"bearer": []}, {"session": []}],
        "responses": {
          "200": {"$ref": "#/components/responses/Badge"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/checks/{id}/badge/uptime/{window}.svg": {
      "parameters": [{"$ref": "#/components/parameters/id"}, {"$ref": "#/components/parameters/uptimeWindow"}],
      "get": {
        "operationId": "uptimeBadge",
        "summary": "A badge with the check's uptime over the window, cut to two decimals (no data when nothing was monitored). Without a token only for a check marked public.",
        "security": [{}, {"bearer": []}, {"session": []}],
        "responses": {
          "200": {"$ref": "#/components/responses/Badge"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/api/v1/checks/{id}/badge/latency/{window}.svg": {
      "parameters": [{"$ref": "#/components/parameters/id"}, {"$ref": "#/components/parameters/latencyWindow"}],
      "get": {
        "operationId": "latencyBadge",
        "summary": "A badge with the mean latency of the check's results over the window, from its hourly aggregates. Without a token only for a check marked public.",
        "security": [{}, {"bearer": []}, {"session": []}],
        "responses": {
          "200": {"$ref": "#/components/responses/Badge"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token (bm_...) from `bearmon tokens add`, in Authorization: Bearer TOKEN."
      },
      "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": "bearmon_session",
        "description": "The session cookie a browser gets by signing in with a token at /login."
      }
    },
    "parameters": {
      "id": {
        "name": "id",
        "in": "path",
        "required": true,
        "schema": {"type": "integer", "format": "int64"},
        "example": 1,
        "description": "The item's id."
      },
      "limit": {
        "name": "limit",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 100},
        "description": "Items per page."
      },
      "cursor": {
        "name": "cursor",
        "in": "query",
        "schema": {"type": "string", "minLength": 1},
        "description": "The next of the previous page."
      },
      "quiet": {
        "name": "quiet",
        "in": "query",
        "schema": {"type": "boolean", "default": false},
        "description": "true: send no removed notifications to contacts that last heard offline about what this deletes or disables."
      },
      "tag": {
        "name": "tag",
        "in": "query",
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$"},
        "description": "Only checks that carry this tag."
      },
      "active": {
        "name": "active",
        "in": "query",
        "schema": {"type": "boolean"},
        "description": "true: only silences in force; false: only expired or ended ones."
      },
      "uptimeWindow": {
        "name": "window",
        "in": "path",
        "required": true,
        "schema": {"type": "string", "enum": ["24h", "7d", "30d", "90d"]},
        "example": "24h",
        "description": "The window, ending now."
      },
      "latencyWindow": {
        "name": "window",
        "in": "path",
        "required": true,
        "schema": {"type": "string", "enum": ["24h", "7d", "30d"]},
        "example": "24h",
        "description": "The window, ending now (hourly aggregates are kept 30 days)."
      }
    },
    "responses": {
      "Uptime": {
        "description": "Uptime ratios (0 to 1) per window; null where nothing was monitored. Cache-Control allows a minute.",
        "headers": {"Cache-Control": {"schema": {"type": "string"}, "description": "public or private, max-age=60."}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Uptime"}}}
      },
      "Badge": {
        "description": "An SVG badge in shields.io's flat style. Cache-Control allows a minute.",
        "headers": {"Cache-Control": {"schema": {"type": "string"}, "description": "public or private, max-age=60."}},
        "content": {"image/svg+xml": {"schema": {"type": "string"}}}
      },
      "BadRequest": {
        "description": "The request is not valid: the message names the field or parameter.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "Unauthorized": {
        "description": "No token, or one that does not exist (revoked).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "Forbidden": {
        "description": "The token's scope does not allow the request (a read token on a write).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "NotFound": {
        "description": "No such item.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "Conflict": {
        "description": "The write clashes with what is stored, such as a name already taken.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "TooLarge": {
        "description": "The body is larger than the node accepts.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "UnsupportedMediaType": {
        "description": "The body is not declared as JSON.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "Unavailable": {
        "description": "The store cannot be reached, or the node is too busy.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      }
    },
    "schemas": {
      "Uptime": {
        "type": "object",
        "required": ["24h", "7d", "30d", "90d", "month"],
        "additionalProperties": false,
        "properties": {
          "24h": {"type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "The last 24 hours."},
          "7d": {"type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "The last 7 days."},
          "30d": {"type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "The last 30 days."},
          "90d": {"type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "The last 90 days."},
          "month": {"type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "The current calendar month so far, in [status] timezone."}
        },
        "example": {"24h": 0.9993, "7d": 0.9998, "30d": 0.9999, "90d": 1, "month": 0.9999}
      },
      "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string", "description": "What was refused, naming the item and the fix."}}
      },
      "Check": {
        "type": "object",
        "required": ["id", "name", "type", "data", "interval", "delay", "enabled", "tags", "public"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "name": {"type": "string", "description": "The name (config as code needs it unique)."},
          "type": {"type": "string", "description": "The check type, such as http."},
          "data": {
            "type": ["object", "string"],
            "description": "The type's parameters (an object); secrets are masked."
          },
          "interval": {"type": "integer", "description": "Seconds between runs."},
          "delay": {"type": "integer", "description": "Extra rounds a new state must hold before it flips."},
          "enabled": {"type": "boolean", "description": "Whether it runs."},
          "tags": {"type": "array", "description": "Tags.", "items": {"type": "string"}},
          "public": {"type": "boolean", "description": "Whether the public status page shows it."},
          "nodes": {"type": "array", "description": "The nodes it is pinned to: only they run it (absent when any worker may).", "items": {"type": "string"}},
          "status": {"type": ["string", "null"], "description": "online, offline, or null before the first flip."},
          "maintenance": {
            "type": "object",
            "required": ["id", "name", "until"],
            "description": "The maintenance window the check is in now (absent when none); status keeps its value.",
            "properties": {
              "id": {"type": "integer", "format": "int64"},
              "name": {"type": "string"},
              "until": {"type": "integer", "format": "int64", "description": "When the current span ends, unix ms."}
            }
          },
          "silence": {
            "type": "object",
            "required": ["id", "until", "comment", "creator"],
            "description": "The silence the check is under now (absent when none).",
            "properties": {
              "id": {"type": "integer", "format": "int64"},
              "until": {"type": "integer", "format": "int64", "description": "When it expires, unix ms."},
              "comment": {"type": "string"},
              "creator": {"type": "string", "description": "The token's name or the local user that made it."}
            }
          },
          "held": {"type": "integer", "minimum": 1, "description": "How many of its notifications are held (absent when none)."},
          "dependsOn": {"type": "array", "description": "The ids of the checks it depends on: while one is offline, its offline is suppressed and it shows as unreachable.", "items": {"type": "integer", "format": "int64"}},
          "unreachable": {
            "type": "object",
            "required": ["parent", "name", "since"],
            "description": "The offline parent that makes the check unreachable now (absent when none); status keeps its value.",
            "properties": {
              "parent": {"type": "integer", "format": "int64"},
              "name": {"type": "string"},
              "since": {"type": "integer", "format": "int64", "description": "Since when, unix ms."}
            }
          },
          "flapping": {
            "type": "object",
            "required": ["since", "share"],
            "description": "The check is flapping (absent when not): its flips are recorded but held until it settles.",
            "properties": {
              "since": {"type": "integer", "format": "int64", "description": "Since when, unix ms."},
              "share": {"type": "number", "description": "The weighted share of changes over its last 20 transitions (Icinga's weights)."}
            }
          },
          "acknowledged": {
            "type": "object",
            "required": ["by", "comment"],
            "description": "Its outage is acknowledged (absent when not): escalations and reminders wait.",
            "properties": {
              "by": {"type": "string"},
              "comment": {"type": "string"},
              "until": {"type": "integer", "format": "int64", "description": "Unix ms; absent: until the check recovers."}
            }
          }
        }
      },
      "TestNotification": {
        "type": "object",
        "required": ["event_id", "contact_id", "outcome"],
        "additionalProperties": false,
        "properties": {
          "event_id": {"type": "string", "description": "The notification's event id, as the receiver got it."},
          "contact_id": {"type": "integer", "format": "int64"},
          "outcome": {"type": "string", "enum": ["delivered", "failed"]},
          "error": {"type": "string", "description": "Why it failed (secrets masked); absent when delivered."},
          "receipt": {"type": "string", "description": "The receiver's receipt, such as a Twilio sid, when it gives one."}
        }
      },
      "CheckCreate": {
        "type": "object",
        "required": ["name", "type", "data"],
        "additionalProperties": false,
        "properties": {
          "name": {
            "type": "string",
            "description": "The name (config as code needs it unique).",
            "minLength": 1,
            "maxLength": 64
          },
          "type": {"type": "string", "description": "The check type, such as http."},
          "data": {
            "type": ["object", "string"],
            "description": "The type's parameters (an object); secrets are masked."
          },
          "interval": {
            "type": ["integer", "null"],
            "description": "Seconds between runs.",
            "minimum": 1,
            "maximum": 31622400
          },
          "delay": {
            "type": ["integer", "null"],
            "description": "Extra rounds a new state must hold before it flips.",
            "minimum": 0,
            "maximum": 10000
          },
          "enabled": {"type": ["boolean", "null"], "description": "Whether it runs."},
          "tags": {
            "type": ["array", "null"],
            "description": "Tags (at most 64).",
            "maxItems": 64,
            "items": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$"}
          },
          "dependsOn": {
            "type": ["array", "null"],
            "description": "The ids of the checks it depends on (at most 32; no cycles); [] or null for none.",
            "maxItems": 32,
            "items": {"type": "integer", "format": "int64", "minimum": 1}
          },
          "public": {"type": ["boolean", "null"], "description": "Whether the public status page shows it."},
          "nodes": {
            "type": ["array", "null"],
            "description": "Pin it to these nodes ([default] node names; at most 64): only they run it. Empty or null: any worker.",
            "maxItems": 64,
            "items": {"type": "string", "minLength": 1, "maxLength": 128}
          }
        },
        "description": "A new check; an optional field left out or null takes its default (interval 60, delay 1, enabled, no tags, not public)."
      },
      "CheckPatch": {
        "type": "object",
        "properties": {
          "name": {
            "type": ["string", "null"],
            "description": "The name (config as code needs it unique).",
            "minLength": 1,
            "maxLength": 64
          },
          "type": {"type": ["string", "null"], "description": "The check type, such as http."},
          "data": {
            "type": ["object", "string", "null"],
            "description": "The type's parameters (an object); secrets are masked."
          },
          "interval": {
            "type": ["integer", "null"],
            "description": "Seconds between runs.",
            "minimum": 1,
            "maximum": 31622400
          },
          "delay": {
            "type": ["integer", "null"],
            "description": "Extra rounds a new state must hold before it flips.",
            "minimum": 0,
            "maximum": 10000
          },
          "enabled": {"type": ["boolean", "null"], "description": "Whether it runs."},
          "tags": {
            "type": ["array", "null"],
            "description": "Tags (at most 64).",
            "maxItems": 64,
            "items": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$"}
          },
          "dependsOn": {
            "type": ["array", "null"],
            "description": "The ids of the checks it depends on, replacing the old ones (at most 32; no cycles); [] or null for none.",
            "maxItems": 32,
            "items": {"type": "integer", "format": "int64", "minimum": 1}
          },
          "public": {"type": ["boolean", "null"], "description": "Whether the public status page shows it."},
          "nodes": {
            "type": ["array", "null"],
            "description": "Pin it to these nodes ([default] node names; at most 64): only they run it. Empty or null: any worker.",
            "maxItems": 64,
            "items": {"type": "string", "minLength": 1, "maxLength": 128}
          }
        },
        "description": "A JSON merge patch of a check as shown."
      },
      "Contact": {
        "type": "object",
        "required": ["id", "type", "data"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "name": {"type": ["string", "null"], "description": "A unique name, or null."},
          "type": {"type": "string", "description": "The contact type, such as email."},
          "data": {
            "type": ["object", "string"],
            "description": "An address, number or URL, or the type's parameters; secrets are masked."
          }
        }
      },
      "ContactCreate": {
        "type": "object",
        "required": ["type", "data"],
        "additionalProperties": false,
        "properties": {
          "name": {
            "type": ["string", "null"],
            "description": "A unique name, or null.",
            "minLength": 1,
            "maxLength": 64
          },
          "type": {"type": "string", "description": "The contact type, such as email."},
          "data": {
            "type": ["object", "string"],
            "description": "An address, number or URL, or the type's parameters; secrets are masked."
          }
        }
      },
      "ContactPatch": {
        "type": "object",
        "properties": {
          "name": {
            "type": ["string", "null"],
            "description": "A unique name, or null.",
            "minLength": 1,
            "maxLength": 64
          },
          "type": {"type": ["string", "null"], "description": "The contact type, such as email."},
          "data": {
            "type": ["object", "string", "null"],
            "description": "An address, number or URL, or the type's parameters; secrets are masked."
          }
        },
        "description": "A JSON merge patch of a contact as shown."
      },
      "Alert": {
        "type": "object",
        "required": ["id", "check_id", "contact_id", "enabled"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "check_id": {"type": "integer", "format": "int64"},
          "contact_id": {"type": "integer", "format": "int64"},
          "type": {
            "type": ["string", "null"],
            "enum": ["both", "online", "offline", null],
            "description": "Which flips notify."
          },
          "enabled": {"type": "boolean"},
          "after": {"type": "string", "description": "How long after an offline flip the contact is told, such as 5m; absent: at once."},
          "repeat": {"type": "string", "description": "How often a reminder goes while offline, such as 2h; absent: never."},
          "fallback_contact_id": {"type": "integer", "format": "int64", "description": "The contact that stands in when delivery fails."}
        }
      },
      "AlertCreate": {
        "type": "object",
        "required": ["check_id", "contact_id"],
        "additionalProperties": false,
        "properties": {
          "check_id": {"type": "integer", "format": "int64", "minimum": 1},
          "contact_id": {"type": "integer", "format": "int64", "minimum": 1},
          "type": {
            "type": ["string", "null"],
            "enum": ["both", "online", "offline", null],
            "description": "Which flips notify."
          },
          "enabled": {"type": ["boolean", "null"]},
          "after": {"type": ["integer", "string", "null"], "description": "Tell the contact only if the check is still offline and unacknowledged this long after the flip: seconds, or text such as 5m."},
          "repeat": {"type": ["integer", "string", "null"], "description": "Remind every so long while the check stays offline and unacknowledged: seconds, or text such as 2h."},
          "fallback_contact_id": {"type": ["integer", "null"], "format": "int64", "minimum": 1, "description": "The contact that stands in when delivery fails; loops are refused."}
        },
        "description": "A new alert; type defaults to both, enabled to true."
      },
      "AlertPatch": {
        "type": "object",
        "properties": {
          "after": {"type": ["integer", "string", "null"], "description": "Tell the contact only if the check is still offline and unacknowledged this long after the flip: seconds, or text such as 5m."},
          "repeat": {"type": ["integer", "string", "null"], "description": "Remind every so long while the check stays offline and unacknowledged: seconds, or text such as 2h."},
          "fallback_contact_id": {"type": ["integer", "null"], "format": "int64", "minimum": 1, "description": "The contact that stands in when delivery fails; loops are refused."},
          "type": {
            "type": ["string", "null"],
            "enum": ["both", "online", "offline", null],
            "description": "Which flips notify."
          },
          "enabled": {"type": ["boolean", "null"]}
        },
        "description": "A JSON merge patch of an alert's type and enabled."
      },
      "Token": {
        "type": "object",
        "required": ["id", "name", "scope", "created_at"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "name": {"type": "string"},
          "scope": {"type": "string", "enum": ["read", "write"]},
          "created_at": {"type": "integer", "description": "When it was made, unix ms.", "format": "int64"},
          "last_used_at": {
            "type": ["integer", "null"],
            "description": "When it last authorised a request, unix ms, or null."
          },
          "token": {"type": "string", "description": "The token itself: only in the answer that created it."}
        }
      },
      "TokenCreated": {"allOf": [{"$ref": "#/components/schemas/Token"}, {"type": "object", "required": ["token"]}]},
      "TokenCreate": {
        "type": "object",
        "required": ["name", "scope"],
        "additionalProperties": false,
        "properties": {
          "name": {"type": "string", "minLength": 1, "maxLength": 64},
          "scope": {"type": "string", "enum": ["read", "write"]}
        }
      },
      "TokenPatch": {
        "type": "object",
        "properties": {
          "name": {"type": ["string", "null"], "minLength": 1, "maxLength": 64},
          "scope": {"type": ["string", "null"], "enum": ["read", "write", null]}
        },
        "description": "A JSON merge patch of a token's name or scope."
      },
      "Result": {
        "type": "object",
        "required": ["id", "node", "time", "status", "message", "latency_ms"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "node": {"type": "string", "description": "The worker that ran it."},
          "time": {"type": "integer", "description": "Unix ms.", "format": "int64"},
          "status": {"type": "string", "enum": ["online", "offline", "fail"]},
          "message": {"type": "string"},
          "latency_ms": {"type": "number"}
        }
      },
      "Notification": {
        "type": "object",
        "required": ["event_id", "contact_id", "status", "state", "attempts", "last_error"],
        "properties": {
          "event_id": {"type": "string"},
          "contact_id": {"type": "integer", "format": "int64"},
          "status": {"type": "string", "enum": ["online", "offline", "fail"]},
          "state": {"type": "string", "enum": ["pending", "delivered", "failed"]},
          "attempts": {"type": "integer"},
          "last_error": {"type": "string"}
        }
      },
      "Flip": {
        "type": "object",
        "required": ["id", "status", "message", "time", "view", "notifications"],
        "properties": {
          "id": {"type": "string"},
          "status": {"type": "string", "enum": ["online", "offline", "fail"]},
          "message": {"type": "string"},
          "time": {"type": "integer", "description": "Unix ms.", "format": "int64"},
          "view": {"type": "integer", "format": "int64"},
          "notifications": {"type": "array", "items": {"$ref": "#/components/schemas/Notification"}}
        }
      },
      "CheckPage": {
        "type": "object",
        "required": ["items"],
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Check"}},
          "next": {"type": "string", "description": "The cursor of the next page; absent on the last page."}
        }
      },
      "ContactPage": {
        "type": "object",
        "required": ["items"],
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}},
          "next": {"type": "string", "description": "The cursor of the next page; absent on the last page."}
        }
      },
      "AlertPage": {
        "type": "object",
        "required": ["items"],
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Alert"}},
          "next": {"type": "string", "description": "The cursor of the next page; absent on the last page."}
        }
      },
      "Maintenance": {
        "type": "object",
        "required": ["id", "all", "comment", "created_by", "created_at", "active"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "name": {"type": "string", "description": "Its unique name; absent when it has none."},
          "check_id": {"type": "integer", "format": "int64", "description": "The check it covers."},
          "tag": {"type": "string", "description": "It covers every check with this tag."},
          "all": {"type": "boolean", "description": "Whether it covers every check."},
          "start": {"type": "integer", "format": "int64", "description": "A one-off window's start, unix ms."},
          "end": {"type": "integer", "format": "int64", "description": "A one-off window's end, unix ms (not covered)."},
          "cron": {"type": "string", "description": "A recurring window's five-field cron expression."},
          "duration": {"type": "integer", "description": "A recurring window's length, seconds."},
          "time_zone": {"type": "string", "description": "The IANA time zone the cron expression is read in."},
          "comment": {"type": "string"},
          "created_by": {"type": "string", "description": "The token's name, or local:USER for the CLI with --db."},
          "created_at": {"type": "integer", "format": "int64", "description": "Unix ms."},
          "active": {"type": "boolean", "description": "Whether maintenance is on now."},
          "active_until": {"type": "integer", "format": "int64", "description": "When the occurrence on now ends, unix ms."},
          "next_start": {"type": "integer", "format": "int64", "description": "When it next opens, unix ms."}
        }
      },
      "MaintenanceCreate": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "name": {"type": ["string", "null"], "minLength": 1, "maxLength": 64, "description": "A unique name (config as code keys windows by it)."},
          "check_id": {"type": ["integer", "null"], "format": "int64", "minimum": 1},
          "tag": {"type": ["string", "null"], "pattern": "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$"},
          "all": {"type": ["boolean", "null"]},
          "start": {"type": ["integer", "string", "null"], "description": "Unix ms, or a time with an offset such as 2026-12-01T02:00:00+01:00."},
          "end": {"type": ["integer", "string", "null"], "description": "As start; after it and in the future."},
          "cron": {"type": ["string", "null"], "description": "minute hour day-of-month month day-of-week, with lists, ranges and steps; must fire within 366 days."},
          "duration": {"type": ["integer", "string", "null"], "minimum": 1, "description": "Seconds, or text such as 90m or 2h; 1 minute to 31 days."},
          "time_zone": {"type": ["string", "null"], "description": "An IANA time zone (default UTC)."},
          "comment": {"type": ["string", "null"], "maxLength": 1024}
        },
        "description": "A new maintenance window: one of check_id, tag and all: true; start and end, or cron and duration (and time_zone)."
      },
      "Ack": {
        "type": "object",
        "required": ["id", "check_id", "flip_id", "by", "comment", "created_at"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "check_id": {"type": "integer", "format": "int64"},
          "flip_id": {"type": "string", "description": "The outage's flip."},
          "by": {"type": "string", "description": "The token's name, or local:USER for the CLI with --db."},
          "comment": {"type": "string"},
          "until": {"type": "string", "description": "When it expires; absent: when the check recovers."},
          "created_at": {"type": "string"}
        }
      },
      "AckCreate": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "comment": {"type": ["string", "null"], "maxLength": 1024},
          "for": {"type": ["integer", "string", "null"], "minimum": 1, "description": "Seconds, or text such as 30m; absent: until the check recovers."}
        }
      },
      "Silence": {
        "type": "object",
        "required": ["id", "starts_at", "expires_at", "comment", "created_by", "created_at", "active"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "check_id": {"type": "integer", "format": "int64", "description": "The check it covers."},
          "tag": {"type": "string", "description": "It covers every check with this tag."},
          "starts_at": {"type": "integer", "format": "int64", "description": "Unix ms."},
          "expires_at": {"type": "integer", "format": "int64", "description": "Unix ms."},
          "ended_at": {"type": "integer", "format": "int64", "description": "When it was ended early, unix ms."},
          "comment": {"type": "string"},
          "created_by": {"type": "string", "description": "The token's name, or local:USER for the CLI with --db."},
          "created_at": {"type": "integer", "format": "int64", "description": "Unix ms."},
          "active": {"type": "boolean", "description": "Whether it is in force now."}
        }
      },
      "SilenceCreate": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "check_id": {"type": ["integer", "null"], "format": "int64", "minimum": 1},
          "tag": {"type": ["string", "null"], "pattern": "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$"},
          "duration": {"type": ["integer", "string", "null"], "minimum": 1, "description": "Seconds, or text such as 30m or 2h."},
          "expires_at": {"type": ["integer", "string", "null"], "description": "Instead of duration: unix ms, or a time with an offset."},
          "comment": {"type": ["string", "null"], "maxLength": 1024}
        },
        "description": "A new silence: one of check_id and tag; one of duration and expires_at, at most 90 days ahead."
      },
      "MaintenancePage": {
        "type": "object",
        "required": ["items"],
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Maintenance"}},
          "next": {"type": "string", "description": "The cursor of the next page; absent on the last page."}
        }
      },
      "SilencePage": {
        "type": "object",
        "required": ["items"],
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Silence"}},
          "next": {"type": "string", "description": "The cursor of the next page; absent on the last page."}
        }
      },
      "ConfigExport": {
        "type": "object",
        "required": ["yaml"],
        "additionalProperties": false,
        "properties": {"yaml": {"type": "string", "description": "The YAML text; applying it back changes nothing."}}
      },
      "ConfigApply": {
        "type": "object",
        "required": ["yaml"],
        "additionalProperties": false,
        "properties": {
          "yaml": {"type": "string", "description": "The file's text (README, Config as code)."},
          "file": {"type": "string", "description": "What messages call the file (default bearmon.yaml)."},
          "prune": {"type": "boolean", "description": "Delete checks, contacts and alerts the file lacks."},
          "dry_run": {"type": "boolean", "description": "Plan only; change nothing."},
          "quiet": {"type": "boolean", "description": "Send no removed notifications for what the file deletes or disables."}
        }
      },
      "ConfigReport": {
        "type": "object",
        "required": ["lines", "summary", "changes", "kept", "applied"],
        "additionalProperties": false,
        "properties": {
          "lines": {"type": "array", "items": {"type": "string"}, "description": "+ add, ~ change, - delete, ! kept though the file lost it; secrets masked."},
          "summary": {"type": "string"},
          "changes": {"type": "boolean", "description": "Whether the plan changes anything."},
          "kept": {"type": "boolean", "description": "Whether rows the file lost were kept (no prune)."},
          "applied": {"type": "boolean", "description": "Whether the plan was applied."}
        }
      },
      "TokenPage": {
        "type": "object",
        "required": ["items"],
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}},
          "next": {"type": "string", "description": "The cursor of the next page; absent on the last page."}
        }
      },
      "ResultPage": {
        "type": "object",
        "required": ["items"],
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Result"}},
          "next": {"type": "string", "description": "The cursor of the next page; absent on the last page."}
        }
      },
      "FlipPage": {
        "type": "object",
        "required": ["items"],
        "properties": {
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Flip"}},
          "next": {"type": "string", "description": "The cursor of the next page; absent on the last page."}
        }
      }
    }
  }
}
"""#
}
